package com.toprise.topology.inventory;

import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;
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
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * On-hand, reserved and available stock per SKU per dealer, and the dealer assignment of new orders, which is their
 * reservation: all or nothing, by {@link DealerAssignment}'s rule. Inputs: product-service's stock figures
 * (INVENTORY_CHANGED other than the topology's own RESERVED, RELEASED and SHIPPED, which carry {@code reserved};
 * product-service's SHIPPED figure, without it, counts a shipment on its stock document, see {@link StockLevel}),
 * the dealers' profiles (DEALER_UPDATED, kept as a table), ORDER_CREATED, ORDER_STATUS_CHANGED to CANCELLED, REJECTED or SHIPPED, and FULFILMENT_UPDATED (a dealer's
 * answer, a share shipped or cancelled, a manual assignment). They are merged into one single-partition stream
 * ({@code inventory-commands}), so one task decides every reservation in order; outputs are ORDER_VALIDATED (with one
 * share per dealer), FULFILMENT_REASSIGNED (a declined or expired share placed again, a manual assignment answered),
 * INVENTORY_CHANGED (RESERVED, RELEASED, SHIPPED) and {@code inventory.levels}. Shares not accepted within the
 * acceptance time are reassigned by a wall-clock check ({@link AcceptanceClock}). One partition bounds the throughput
 * to what one task does (what that is on the reference machine: docs/benchmarks.md); sharding by region is the way
 * out when that stops being enough. Run with exactly_once_v2: a command's state changes and outputs commit together.
 */
public final class InventoryLevelsTopology {

    public static final String APPLICATION_ID = "toprise-inventory-levels";
    /** sku|dealerId → {@link StockLevel}; read by {@link InventoryQueryServer} as well as written here. */
    public static final String STOCK_STORE = "inventory-stock";
    static final String RESERVATIONS_STORE = "inventory-order-reservations";
    /** dealerId → {@link DealerProfile}, the latest DEALER_UPDATED of each dealer; read by the query server too. */
    public static final String DEALERS_STORE = "inventory-dealers";
    /** dealerId → the count of its open shares (offered or accepted, not shipped or ended). */
    public static final String DEALER_LOAD_STORE = "inventory-dealer-load";
    /** {@link AcceptanceClock#key} → orderId, one entry per share still waiting for its dealer's answer. */
    static final String DEADLINES_STORE = "inventory-acceptance-deadlines";
    private static final String[] STORES = {STOCK_STORE, DEALERS_STORE, DEALER_LOAD_STORE, RESERVATIONS_STORE,
        DEADLINES_STORE};
    /** What the topology itself writes to INVENTORY_CHANGED (with reserved): not stock figures, so not read back. */
    private static final Set<Reason> OWN_REASONS = EnumSet.of(Reason.RESERVED, Reason.RELEASED, Reason.SHIPPED);
    private static final Set<OrderStatus> FOLLOWED = EnumSet.of(OrderStatus.CANCELLED, OrderStatus.REJECTED,
            OrderStatus.SHIPPED);
    /** The share moves that change units or clocks; OFFERED only as a manual assignment (from null). */
    private static final Set<FulfilmentStatus> FOLLOWED_SHARE_MOVES = EnumSet.of(FulfilmentStatus.OFFERED,
            FulfilmentStatus.ACCEPTED, FulfilmentStatus.DECLINED, FulfilmentStatus.SHIPPED, FulfilmentStatus.CANCELLED);
    /**
     * The one key of every command after the repartition: the stores live on the task of that key's partition, so
     * this is also the key interactive queries locate the stores by.
     */
    public static final String ONE_KEY = "inventory";

    private InventoryLevelsTopology() {
    }

    /**
     * @param acceptanceTime how long a dealer has to accept a share before it is reassigned
     * @param checkInterval  how often the wall-clock check looks for shares past their acceptance time
     */
    public static Topology build(Duration acceptanceTime, Duration checkInterval) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STOCK_STORE),
                Serdes.String(), JsonSerde.of(StockLevel.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEALERS_STORE),
                Serdes.String(), JsonSerde.of(DealerProfile.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEALER_LOAD_STORE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RESERVATIONS_STORE),
                Serdes.String(), JsonSerde.of(OrderReservation.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEADLINES_STORE),
                Serdes.String(), Serdes.String()));

        KStream<String, InventoryCommand> stockFigures = stream(builder, Topics.INVENTORY_CHANGED)
                .filter((key, event) -> !own(event.payload()))
                .mapValues(event -> InventoryCommand.stock(event.payload(), event.occurredAt()));
        KStream<String, InventoryCommand> newOrders = stream(builder, Topics.ORDER_CREATED)
                .mapValues(event -> InventoryCommand.orderCreated(event.payload(), event.occurredAt()));
        KStream<String, InventoryCommand> statuses = stream(builder, Topics.ORDER_STATUS_CHANGED)
                .filter((key, event) -> FOLLOWED.contains(event.payload().to()))
                .mapValues(event -> InventoryCommand.orderStatus(event.payload().orderId(), event.payload().to(),
                        event.occurredAt()));
        KStream<String, InventoryCommand> dealers = stream(builder, Topics.DEALER_UPDATED)
                .mapValues(event -> InventoryCommand.dealer(event.payload(), event.occurredAt()));
        KStream<String, InventoryCommand> shareMoves = stream(builder, Topics.FULFILMENT_UPDATED)
                .filter((key, event) -> FOLLOWED_SHARE_MOVES.contains(event.payload().to()))
                .mapValues(event -> InventoryCommand.fulfilment(event.payload(), event.occurredAt()));

        stockFigures.merge(dealers).merge(newOrders).merge(statuses).merge(shareMoves)
                .selectKey((key, command) -> ONE_KEY)
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(InventoryCommand.class))
                        .withName("inventory-commands").withNumberOfPartitions(1))
                .process(() -> new ReservationProcessor(acceptanceTime, checkInterval), STORES)
                .to((key, value, context) -> new String(
                        context.headers().lastHeader(InventoryLedger.TARGET).value(), StandardCharsets.UTF_8),
                        Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    /** Input events; unreadable ones are skipped by the deserialization handler (StreamsSettings), empty ones here. */
    private static <P> KStream<String, EventEnvelope<P>> stream(StreamsBuilder builder,
                                                                Topic<String, EventEnvelope<P>> topic) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()))
                .filter((key, event) -> event != null && event.payload() != null);
    }

    /** One of the topology's own changes: its reasons, with the reservations it alone knows. */
    private static boolean own(InventoryChanged change) {
        return OWN_REASONS.contains(change.reason()) && change.reserved() != null;
    }
}
