package com.toprise.order.returnreason;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** Why a customer may return a part (wrong fitment, damaged in transit…); returns will reference it by code. */
@Document("return_reasons")
public record ReturnReason(@Id String code, String label, boolean requiresPhoto, Instant createdAt) {
}
