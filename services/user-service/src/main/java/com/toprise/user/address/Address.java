package com.toprise.user.address;

import com.toprise.schemas.events.AddressUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A delivery address of a user; its pincode was serviceable when it was saved. */
@Document("addresses")
public record Address(@Id String id, String userId, String label, String line1, String line2, String city,
                      String state, String pincode, Instant createdAt, Instant updatedAt) {

    /** The ADDRESS_UPDATED that lets order intake check a delivery address without calling user-service. */
    EventEnvelope<AddressUpdated> updatedEvent(boolean removed, Instant at) {
        return EventEnvelope.of(EventType.ADDRESS_UPDATED, id,
                new AddressUpdated(id, userId, city, state, pincode, removed, at), at);
    }
}
