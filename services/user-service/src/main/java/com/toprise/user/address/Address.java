package com.toprise.user.address;

import com.toprise.schemas.events.AddressUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.geo.Location;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A delivery address of a user; its pincode was serviceable when it was saved. {@code location} is where it is,
 * geocoded when saved (else its pincode's centroid; null when neither was known).
 */
@Document("addresses")
public record Address(@Id String id, String userId, String label, String line1, String line2, String city,
                      String state, String pincode, Location location, Instant createdAt, Instant updatedAt) {

    /**
     * The ADDRESS_UPDATED that lets order intake check a delivery address, and a courier deliver to it, without
     * calling user-service; the contact is the owner's name and phone at the time.
     */
    EventEnvelope<AddressUpdated> updatedEvent(boolean removed, Instant at, Contact contact) {
        return EventEnvelope.of(EventType.ADDRESS_UPDATED, id, new AddressUpdated(id, userId, line1, line2, city,
                state, pincode, removed, location, contact.name(), contact.phone(), at), at);
    }

    /** Whom a courier asks for at the address. */
    record Contact(String name, String phone) {
    }
}
