package com.toprise.order.delivery;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** order-service's copy of a user's delivery address, as the last ADDRESS_UPDATED described it. */
@Document("known_addresses")
record KnownAddress(@Id String id, String userId, String city, String state, String pincode, boolean removed,
                    Instant updatedAt) {
}
