package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * A user's delivery address was saved or removed; the latest event per addressId is its state. Services that
 * deliver to addresses (order intake) keep their own copy from these events instead of asking user-service.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AddressUpdated(String addressId, String userId, String city, String state, String pincode,
                             boolean removed, Instant updatedAt) {
}
