package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every domain event travels in. Consumers de-duplicate by {@code eventId}; {@code version}
 * is the payload's schema version, so a subscriber can tell which fields to expect.
 */
// on the record itself, not only in Json.MAPPER, so a consumer using another mapper still reads newer events
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope<T>(String eventId, String type, int version, Instant occurredAt, String aggregateId,
                               T payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new event of the given type happening now, with a fresh id and the type's current schema version. */
    public static <T> EventEnvelope<T> of(EventType type, String aggregateId, T payload) {
        return of(type, aggregateId, payload, Instant.now());
    }

    /** As {@link #of(EventType, String, Object)}, at a given time (a test clock, a replayed source timestamp). */
    public static <T> EventEnvelope<T> of(EventType type, String aggregateId, T payload, Instant occurredAt) {
        Objects.requireNonNull(payload, "payload");
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type + " carries " + type.payloadType().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
        return new EventEnvelope<>(UUID.randomUUID().toString(), type.name(), type.version(), occurredAt,
                aggregateId, payload);
    }
}
