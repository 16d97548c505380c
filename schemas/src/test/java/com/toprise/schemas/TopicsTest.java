package com.toprise.schemas;

import com.toprise.schemas.events.EventType;
import com.toprise.schemas.topics.Topic;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    @Test
    void topicNamesAreUniqueAndIncludeTheStreamsOutputs() {
        assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder("events.user-created", "events.user-updated", "events.category-updated",
                "events.address-updated", "events.pincode-updated", "events.order-created", "events.order-status-changed", "events.order-validated",
                        "events.product-updated", "events.inventory-changed", "events.payment-received",
                        "events.sla-violated", "inventory.levels", "sla.violations", "outbox.dead-letter", "dlq.elasticsearch-sink");
        assertThat(Topics.all()).allSatisfy(t -> assertThat(t.partitions()).isEqualTo(Topics.DEFAULT_PARTITIONS));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasItsTopicFoundByName(EventType type) {
        Topic<?, ?> topic = Topics.events(type);
        assertThat(topic.name()).isEqualTo("events." + type.slug());
        assertThat(Topics.byName(topic.name())).containsSame(topic);
        assertThat(topic.keySerde().getClass()).isEqualTo(Serdes.String().getClass());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventTopicsSerdeReadsWhatItWrites(EventType type) {
        @SuppressWarnings("unchecked")
        Topic<String, Object> topic = (Topic<String, Object>) (Topic<?, ?>) Topics.events(type);
        Object event = SampleEvents.envelope(type);
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), event);
        assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).isEqualTo(event);
    }

    @Test
    void unknownNamesAreNotFound() {
        assertThat(Topics.byName("events.unknown")).isEmpty();
    }

    @Test
    void inventoryIsKeyedBySkuAndDealer() {
        assertThat(Topics.inventoryKey("BRK-PAD-001", "d-7")).isEqualTo("BRK-PAD-001|d-7");
    }

    @Test
    void aTopicNeedsANameAndAPartition() {
        assertThatThrownBy(() -> new Topic<>(" ", Serdes.String(), Serdes.String(), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topic<>("x", Serdes.String(), Serdes.String(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
