package com.toprise.user.pincode;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A six-digit Indian postal code and whether the marketplace delivers there. */
@Document("pincodes")
public record Pincode(@Id String code, String city, String state, boolean serviceable, Instant createdAt) {
}
