package com.toprise.schemas;

import com.toprise.schemas.events.EventType;
import com.toprise.schemas.topics.Topic;
import com.toprise.schemas.topics.TopicNames;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry: one entry per topic, its name, serdes, partitions and configs. */
class TopicsTest {

    @Test
    void topicNamesAreUniqueAndIncludeTheStreamsOutputs() {
        assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder("events.user-created", "events.user-updated", "events.category-updated",
                        "events.address-updated", "events.pincode-updated", "events.order-created",
                        "events.order-status-changed", "events.order-validated", "events.product-updated",
                        "events.inventory-changed", "events.payment-received", "events.sla-violated",
                        "events.dealer-updated", "events.fulfilment-updated", "events.fulfilment-reassigned",
                        "inventory.levels", "sla.violations", "outbox.dead-letter", "dlq.elasticsearch-sink");
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
    void aTopicNeedsANamePartitionsAndACleanupPolicy() {
        Map<String, String> delete = Map.of(Topic.CLEANUP_POLICY, "delete");
        assertThatThrownBy(() -> new Topic<>(" ", Serdes.String(), Serdes.String(), 3, delete))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topic<>("x", Serdes.String(), Serdes.String(), 0, delete))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topic<>("x", Serdes.String(), Serdes.String(), 3, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void currentStateTopicsAreCompactedAndEveryOtherKeepsItsHistoryForAStatedTime() {
        assertThat(Topics.all().stream().filter(Topic::compacted)).extracting(Topic::name).containsExactlyInAnyOrder(
                "events.category-updated", "events.address-updated", "events.pincode-updated",
                "events.product-updated", "events.dealer-updated", "inventory.levels");
        assertThat(Topics.all()).filteredOn(t -> !t.compacted()).allSatisfy(t -> {
            assertThat(t.configs()).containsEntry(Topic.CLEANUP_POLICY, "delete");
            assertThat(Long.parseLong(t.configs().get(Topic.RETENTION_MS))).isPositive();
        });
        assertThat(Topics.ORDER_CREATED.configs()).containsEntry(Topic.RETENTION_MS,
                String.valueOf(Duration.ofDays(7).toMillis()));
        assertThat(Topics.OUTBOX_DEAD_LETTER.configs()).containsEntry(Topic.RETENTION_MS,
                String.valueOf(Duration.ofDays(30).toMillis()));
        assertThat(Topics.INVENTORY_LEVELS.configs()).containsOnlyKeys(Topic.CLEANUP_POLICY);
    }

    /**
     * A dealer's latest profile is all the topology's table needs; a fulfilment's moves and reassignments are
     * history that the topology and order-service fold into their own state, so they keep the history retention.
     */
    @Test
    void dealerProfilesAreCurrentStateAndFulfilmentMovesAreHistory() {
        assertThat(Topics.DEALER_UPDATED.compacted()).isTrue();
        assertThat(Topics.DEALER_UPDATED.configs()).containsOnlyKeys(Topic.CLEANUP_POLICY);
        assertThat(List.of(Topics.FULFILMENT_UPDATED, Topics.FULFILMENT_REASSIGNED)).allSatisfy(topic -> {
            assertThat(topic.compacted()).as(topic.name()).isFalse();
            assertThat(topic.configs()).as(topic.name()).containsEntry(Topic.RETENTION_MS,
                    String.valueOf(Topics.HISTORY_RETENTION.toMillis()));
        });
        assertThat(Topics.byName(TopicNames.FULFILMENT_REASSIGNED)).containsSame(Topics.FULFILMENT_REASSIGNED);
    }

    @Test
    void configsCannotBeChangedThroughATopic() {
        assertThatThrownBy(() -> Topics.PRODUCT_UPDATED.configs().put(Topic.CLEANUP_POLICY, "delete"))
                .isInstanceOf(UnsupportedOperationException.class);
        Map<String, String> mine = new HashMap<>(Map.of(Topic.CLEANUP_POLICY, "compact,delete"));
        Topic<String, String> topic = new Topic<>("x", Serdes.String(), Serdes.String(), 1, mine);
        mine.put(Topic.CLEANUP_POLICY, "delete");
        assertThat(topic.compacted()).isTrue();
    }

    /** The annotation constants are the registry's names, one each: a listener bound by one reads that topic. */
    @Test
    void everyTopicNameConstantIsTheNameOfExactlyOneRegistryTopic() throws IllegalAccessException {
        List<String> constants = new ArrayList<>();
        for (Field field : TopicNames.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertThat(constants).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(Topic::name).toList());
        assertThat(Topics.PRODUCT_UPDATED.name()).isSameAs(TopicNames.PRODUCT_UPDATED);
    }
}
