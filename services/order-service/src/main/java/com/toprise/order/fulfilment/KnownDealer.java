package com.toprise.order.fulfilment;

import com.toprise.schemas.geo.Location;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * order-service's copy of a dealer's profile, as the last DEALER_UPDATED described it: what a courier needs to
 * collect a parcel there (the business address in one line, where it is, whom to call).
 */
@Document("known_dealers")
record KnownDealer(@Id String id, String name, String phone, boolean active, String address, String pincode,
                   Location location, Instant updatedAt) {
}
