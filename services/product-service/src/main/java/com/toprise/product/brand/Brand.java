package com.toprise.product.brand;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A parts brand (Bosch, Minda, Lumax…); code is its stable upper-case key. */
@Document("brands")
public record Brand(@Id String code, String name, String country, Instant createdAt) {
}
