package com.toprise.topology.inventory;

import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.InventoryChanged.Reason;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import com.toprise.schemas.serde.JsonSerde;
import com.toprise.schemas.topics.Topic;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * On-hand, reserved and available stock per SKU per dealer, and the reservation of stock for new orders, all or
 * nothing. Inputs: product-service's stock figures (INVENTORY_CHANGED with a reason other than the topology's own),
 * ORDER_CREATED, and ORDER_STATUS_CHANGED to CANCELLED, REJECTED or SHIPPED. They are merged into one single-partition
 * stream ({@code inventory-commands}), so one task decides every reservation in order; outputs are ORDER_VALIDATED,
 * INVENTORY_CHANGED (RESERVED, RELEASED, SHIPPED) and {@code inventory.levels}. One partition bounds the throughput
 * to what one task does (what that is on the reference machine: docs/benchmarks.md); sharding by region is the way
 * out when that stops being enough. Run with exactly_once_v2: a command's state changes and outputs commit together.
 */
public final class InventoryLevelsTopology {

    public static final String APPLICATION_ID = "toprise-inventory-levels";
    /** sku|dealerId → {@link StockLevel}; read by {@link InventoryQueryServer} as well as written here. */
    public static final String STOCK_STORE = "inventory-stock";
    static final String RESERVATIONS_STORE = "inventory-order-reservations";
    /** What the topology itself writes to INVENTORY_CHANGED: not stock figures, so not read back. */
    private static final Set<Reason> OWN_REASONS = EnumSet.of(Reason.RESERVED, Reason.RELEASED, Reason.SHIPPED);
    private static final Set<OrderStatus> FOLLOWED = EnumSet.of(OrderStatus.CANCELLED, OrderStatus.REJECTED,
            OrderStatus.SHIPPED);
    /**
     * The one key of every command after the repartition: the stores live on the task of that key's partition, so
     * this is also the key interactive queries locate the stores by.
     */
    public static final String ONE_KEY = "inventory";

    private InventoryLevelsTopology() {
    }

    public static Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STOCK_STORE),
                Serdes.String(), JsonSerde.of(StockLevel.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RESERVATIONS_STORE),
                Serdes.String(), JsonSerde.of(OrderReservation.class)));

        KStream<String, InventoryCommand> stockFigures = stream(builder, Topics.INVENTORY_CHANGED)
                .filter((key, event) -> !OWN_REASONS.contains(event.payload().reason()))
                .mapValues(event -> InventoryCommand.stock(event.payload(), event.occurredAt()));
        KStream<String, InventoryCommand> newOrders = stream(builder, Topics.ORDER_CREATED)
                .mapValues(event -> InventoryCommand.orderCreated(event.payload(), event.occurredAt()));
        KStream<String, InventoryCommand> statuses = stream(builder, Topics.ORDER_STATUS_CHANGED)
                .filter((key, event) -> FOLLOWED.contains(event.payload().to()))
                .mapValues(event -> InventoryCommand.orderStatus(event.payload().orderId(), event.payload().to(),
                        event.occurredAt()));

        stockFigures.merge(newOrders).merge(statuses)
                .selectKey((key, command) -> ONE_KEY)
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(InventoryCommand.class))
                        .withName("inventory-commands").withNumberOfPartitions(1))
                .process(ReservationProcessor::new, STOCK_STORE, RESERVATIONS_STORE)
                .to((key, value, context) -> new String(
                        context.headers().lastHeader(ReservationProcessor.TARGET).value(), StandardCharsets.UTF_8),
                        Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    /** Input events; unreadable ones are skipped by the deserialization handler (StreamsSettings), empty ones here. */
    private static <P> KStream<String, EventEnvelope<P>> stream(StreamsBuilder builder, Topic<String, EventEnvelope<P>> topic) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()))
                .filter((key, event) -> event != null && event.payload() != null);
    }
}
