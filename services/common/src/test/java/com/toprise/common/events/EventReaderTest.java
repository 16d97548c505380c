package com.toprise.common.events;

import com.toprise.schemas.events.CategoryUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reader reads its own topic's events with that topic's serde, skips unreadable ones and refuses other topics'. */
class EventReaderTest {

    private static final EventReader<CategoryUpdated> CATEGORIES = EventReader.of(Topics.CATEGORY_UPDATED);

    @Test
    void readsAnEnvelopeOfItsTopicWithTheTopicsSerde() {
        EventEnvelope<CategoryUpdated> event = EventEnvelope.of(EventType.CATEGORY_UPDATED, "c-1",
                new CategoryUpdated("c-1", "Brakes", null, CategoryUpdated.Level.CATEGORY, true, Instant.parse("2026-11-25T10:00:00Z")));
        byte[] bytes = Topics.CATEGORY_UPDATED.valueSerde().serializer().serialize("t", event);

        assertThat(CATEGORIES.read(record(Topics.CATEGORY_UPDATED.name(), bytes))).contains(event);
        assertThat(CATEGORIES.topic()).isSameAs(Topics.CATEGORY_UPDATED);
    }

    @Test
    void skipsWhatIsNotAReadableEnvelope() {
        assertThat(CATEGORIES.read(record(Topics.CATEGORY_UPDATED.name(), "{not json".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
        assertThat(CATEGORIES.read(record(Topics.CATEGORY_UPDATED.name(), null))).isEmpty();
    }

    @Test
    void refusesARecordOfAnotherTopicInsteadOfSkippingIt() {
        assertThatThrownBy(() -> CATEGORIES.read(record(Topics.PRODUCT_UPDATED.name(), new byte[0])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Topics.PRODUCT_UPDATED.name());
    }

    private static ConsumerRecord<String, byte[]> record(String topic, byte[] value) {
        return new ConsumerRecord<>(topic, 0, 7, "c-1", value);
    }
}
