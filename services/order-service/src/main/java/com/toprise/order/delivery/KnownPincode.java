package com.toprise.order.delivery;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** order-service's copy of a pincode's serviceability, as the last PINCODE_UPDATED described it. */
@Document("known_pincodes")
record KnownPincode(@Id String code, boolean serviceable, Instant updatedAt) {
}
