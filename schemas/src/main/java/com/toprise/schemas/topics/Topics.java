package com.toprise.schemas.topics;

import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.InventoryLevel;
import com.toprise.schemas.events.SlaViolated;
import com.toprise.schemas.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The topics of the system, in the spirit of Confluent's {@code Schemas.Topics}: domain events on
 * {@code events.<type>} keyed by their aggregate id, plus the streams' outputs.
 */
public final class Topics {

    public static final int DEFAULT_PARTITIONS = 3;

    /** Stock per SKU per dealer, keyed {@code sku|dealerId}; compacted. */
    public static final Topic<String, InventoryLevel> INVENTORY_LEVELS =
            new Topic<>("inventory.levels", Serdes.String(), JsonSerde.of(InventoryLevel.class), DEFAULT_PARTITIONS);

    public static final Topic<String, EventEnvelope<SlaViolated>> SLA_VIOLATIONS =
            new Topic<>("sla.violations", Serdes.String(), JsonSerde.envelopeOf(SlaViolated.class), DEFAULT_PARTITIONS);

    private Topics() {
    }

    /** The topic of one event type: {@code events.order-created} and so on. */
    public static Topic<String, ? extends EventEnvelope<?>> events(EventType type) {
        return new Topic<>("events." + type.slug(), Serdes.String(), JsonSerde.envelopeOf(type.payloadType()),
                DEFAULT_PARTITIONS);
    }

    public static List<Topic<?, ?>> all() {
        return Stream.concat(Arrays.stream(EventType.values()).map(Topics::events),
                Stream.of(INVENTORY_LEVELS, SLA_VIOLATIONS)).<Topic<?, ?>>map(t -> t).toList();
    }

    public static Optional<Topic<?, ?>> byName(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
