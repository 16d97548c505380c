package com.toprise.common.events;

import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.topics.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Reads the domain events of one registry topic from the records a listener consumed, with that topic's own value
 * serde: a listener names its topic once ({@code EventReader.of(Topics.PRODUCT_UPDATED)}) and the payload type
 * comes with it. A record that is not a readable envelope is logged with its position and skipped: one bad record
 * must not stop a listener for every event behind it, and a retry would not make it readable. A record of another
 * topic is refused loudly instead: the listener is bound to the wrong topic, which skipping would hide.
 */
public final class EventReader<P> {

    private static final Logger log = LoggerFactory.getLogger(EventReader.class);

    private final Topic<String, EventEnvelope<P>> topic;
    private final Deserializer<EventEnvelope<P>> deserializer;

    private EventReader(Topic<String, EventEnvelope<P>> topic) {
        this.topic = topic;
        this.deserializer = topic.valueSerde().deserializer();
    }

    public static <P> EventReader<P> of(Topic<String, EventEnvelope<P>> topic) {
        return new EventReader<>(topic);
    }

    public Topic<String, EventEnvelope<P>> topic() {
        return topic;
    }

    /**
     * @throws IllegalArgumentException the record is not from this reader's topic
     */
    public Optional<EventEnvelope<P>> read(ConsumerRecord<String, byte[]> record) {
        if (!topic.name().equals(record.topic())) {
            throw new IllegalArgumentException("a reader of " + topic.name() + " was given a record of "
                    + record.topic() + ": the listener is bound to another topic than the one it reads");
        }
        try {
            EventEnvelope<P> event = deserializer.deserialize(record.topic(), record.value());
            if (event == null || event.payload() == null) {
                throw new IllegalArgumentException("no payload");
            }
            return Optional.of(event);
        } catch (RuntimeException e) {
            log.error("skipping an unreadable record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
    }
}
