package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.toprise.schemas.geo.Location;

import java.time.Instant;

/**
 * A user's delivery address was saved or removed; the latest event per addressId is its state. Services that
 * deliver to addresses (order intake) keep their own copy from these events instead of asking user-service.
 * {@code location} is where the address is (geocoded, else its pincode's centroid); null when neither is known. The
 * street lines and the contact (the owner's name and phone) are what a courier needs to deliver there.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AddressUpdated(String addressId, String userId, String line1, String line2, String city, String state,
                             String pincode, boolean removed, Location location, String contactName,
                             String contactPhone, Instant updatedAt) {
}
