package com.toprise.schemas.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every domain event travels in. Consumers de-duplicate by {@code eventId}; {@code version}
 * is the payload's schema version, so a subscriber can tell which fields to expect.
 */
public record EventEnvelope<T>(String eventId, String type, int version, Instant occurredAt, String aggregateId,
                               T payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new event of the given type, with a fresh id and the current schema version. */
    public static <T> EventEnvelope<T> of(EventType type, String aggregateId, T payload) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type + " carries " + type.payloadType().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
        return new EventEnvelope<>(UUID.randomUUID().toString(), type.name(), type.version(), Instant.now(),
                aggregateId, payload);
    }
}
