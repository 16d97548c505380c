package com.toprise.order.delivery;

import com.toprise.schemas.geo.GeoPoint;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * order-service's copy of a user's delivery address, as the last ADDRESS_UPDATED described it; {@code location} is
 * its point (geocoded or its pincode's centroid), null when user-service knew neither.
 */
@Document("known_addresses")
record KnownAddress(@Id String id, String userId, String line1, String line2, String city, String state,
                    String pincode, String contactName, String contactPhone, GeoPoint location, boolean removed,
                    Instant updatedAt) {

    Destination asDestination() {
        return new Destination(id, pincode, city, state, line1, line2, contactName, contactPhone, location);
    }
}
