package com.toprise.common.events;

import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.serde.JsonSerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Reads one domain event from a consumed record. A record that is not a readable envelope of this type is logged
 * with its position and skipped: one bad record must not stop a listener for every event behind it, and a retry
 * would not make it readable.
 */
public final class EventReader<P> {

    private static final Logger log = LoggerFactory.getLogger(EventReader.class);

    private final JsonSerde<EventEnvelope<P>> serde;
    private final String typeName;

    public EventReader(Class<P> payloadType) {
        this.serde = JsonSerde.envelopeOf(payloadType);
        this.typeName = payloadType.getSimpleName();
    }

    public Optional<EventEnvelope<P>> read(ConsumerRecord<String, byte[]> record) {
        try {
            EventEnvelope<P> event = serde.deserialize(record.topic(), record.value());
            if (event == null || event.payload() == null) {
                throw new IllegalArgumentException("no payload");
            }
            return Optional.of(event);
        } catch (RuntimeException e) {
            log.error("skipping an unreadable {} at {}-{}@{}: {}", typeName, record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
    }
}
