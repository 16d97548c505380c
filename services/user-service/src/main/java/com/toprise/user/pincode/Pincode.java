package com.toprise.user.pincode;

import com.toprise.common.web.FieldError;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.PincodeUpdated;
import com.toprise.schemas.geo.GeoPoint;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A six-digit Indian postal code and whether the marketplace delivers there. The centroid is where an address of
 * the pincode is taken to be when the geocoder cannot place it; null when nobody gave one.
 */
@Document("pincodes")
public record Pincode(@Id String code, String city, String state, boolean serviceable, GeoPoint centroid,
                      Instant createdAt, Instant updatedAt) {

    /** The PINCODE_UPDATED that tells other services (order intake) this pincode's state. */
    EventEnvelope<PincodeUpdated> updatedEvent() {
        return EventEnvelope.of(EventType.PINCODE_UPDATED, code,
                new PincodeUpdated(code, city, state, serviceable, updatedAt), updatedAt);
    }

    /**
     * The centroid a request gives (bean validation has checked the ranges): both coordinates or neither (null);
     * one without the other is a field error on the missing one.
     */
    static GeoPoint centroidOf(Double latitude, Double longitude) {
        if (latitude == null && longitude == null) {
            return null;
        }
        if (latitude == null || longitude == null) {
            String missing = latitude == null ? "latitude" : "longitude";
            String given = latitude == null ? "longitude" : "latitude";
            throw new InvalidRequestException(List.of(new FieldError(missing, "is required with " + given)));
        }
        return new GeoPoint(latitude, longitude);
    }
}
