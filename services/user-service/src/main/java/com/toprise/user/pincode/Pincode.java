package com.toprise.user.pincode;

import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.PincodeUpdated;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A six-digit Indian postal code and whether the marketplace delivers there. */
@Document("pincodes")
public record Pincode(@Id String code, String city, String state, boolean serviceable, Instant createdAt,
                      Instant updatedAt) {

    /** The PINCODE_UPDATED that tells other services (order intake) this pincode's state. */
    EventEnvelope<PincodeUpdated> updatedEvent() {
        return EventEnvelope.of(EventType.PINCODE_UPDATED, code,
                new PincodeUpdated(code, city, state, serviceable, updatedAt), updatedAt);
    }
}
