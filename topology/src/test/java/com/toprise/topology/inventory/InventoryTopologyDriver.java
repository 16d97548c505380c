package com.toprise.topology.inventory;

import com.toprise.schemas.events.DealerUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.FulfilmentReassigned;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.FulfilmentUpdated;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.InventoryChanged.Reason;
import com.toprise.schemas.events.InventoryLevel;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderStatusChanged;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.schemas.geo.Location;
import com.toprise.schemas.topics.Topic;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The real inventory topology in a TopologyTestDriver, with its topics bound through the registry and builders of
 * the events it reads. Inputs are stamped with the driver's clock, which {@link #advance} moves together with the
 * wall clock, so an acceptance deadline passes the way it would in production.
 */
final class InventoryTopologyDriver implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration ACCEPTANCE_TIME = Duration.ofMinutes(30);
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(5);
    static final String PINCODE = "560001";
    /** Bengaluru, MG Road: where the test orders go unless they say otherwise. */
    static final GeoPoint DELIVERY = new GeoPoint(12.9756, 77.6050);

    final TopologyTestDriver driver;
    final TestOutputTopic<String, EventEnvelope<OrderValidated>> validations;
    final TestOutputTopic<String, EventEnvelope<InventoryChanged>> changes;
    final TestOutputTopic<String, InventoryLevel> levels;
    final TestOutputTopic<String, EventEnvelope<FulfilmentReassigned>> reassignments;
    private final TestInputTopic<String, EventEnvelope<InventoryChanged>> inventory;
    private final TestInputTopic<String, EventEnvelope<OrderCreated>> orders;
    private final TestInputTopic<String, EventEnvelope<OrderStatusChanged>> statuses;
    private final TestInputTopic<String, EventEnvelope<DealerUpdated>> dealers;
    private final TestInputTopic<String, EventEnvelope<FulfilmentUpdated>> fulfilments;
    private Instant now = T0;

    InventoryTopologyDriver() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(InventoryLevelsTopology.build(ACCEPTANCE_TIME, CHECK_INTERVAL), properties, T0);
        inventory = input(Topics.INVENTORY_CHANGED);
        orders = input(Topics.ORDER_CREATED);
        statuses = input(Topics.ORDER_STATUS_CHANGED);
        dealers = input(Topics.DEALER_UPDATED);
        fulfilments = input(Topics.FULFILMENT_UPDATED);
        validations = output(Topics.ORDER_VALIDATED);
        changes = output(Topics.INVENTORY_CHANGED);
        levels = output(Topics.INVENTORY_LEVELS);
        reassignments = output(Topics.FULFILMENT_REASSIGNED);
    }

    @Override
    public void close() {
        driver.close();
    }

    Instant now() {
        return now;
    }

    /** Moves the inputs' time and the wall clock, which runs the acceptance check when it is due. */
    void advance(Duration by) {
        now = now.plus(by);
        driver.advanceWallClockTime(by);
    }

    /** An active dealer serving {@link #PINCODE} by list, nowhere in particular, carrying every category. */
    static DealerUpdated dealer(String dealerId) {
        return dealer(dealerId, true, List.of(), List.of(PINCODE), null, null);
    }

    static DealerUpdated dealer(String dealerId, boolean active, List<String> categories, List<String> pincodes,
                                GeoPoint at, Double radiusKm) {
        return new DealerUpdated(dealerId, "Dealer " + dealerId, "+919800000000", active, categories,
                "1 Main Road", PINCODE, at == null ? null : Location.geocoded(at), pincodes, radiusKm, List.of(),
                null);
    }

    void dealers(String... dealerIds) {
        Arrays.stream(dealerIds).forEach(id -> dealer(dealer(id)));
    }

    void dealer(DealerUpdated dealer) {
        dealers.pipeInput(dealer.dealerId(), EventEnvelope.of(EventType.DEALER_UPDATED, dealer.dealerId(), dealer, now),
                now);
    }

    void stock(String sku, String dealerId, long onHand) {
        stockAsOf(sku, dealerId, onHand, now);
    }

    void stockAsOf(String sku, String dealerId, long onHand, Instant asOf) {
        String key = Topics.inventoryKey(sku, dealerId);
        inventory.pipeInput(key, EventEnvelope.of(EventType.INVENTORY_CHANGED, key,
                InventoryChanged.stockFigure(sku, dealerId, onHand, onHand, Reason.ADJUSTMENT), asOf), now);
    }

    /** A figure of product-service's as it is, e.g. its count of a shipment (reason SHIPPED), as of now. */
    void figure(InventoryChanged figure) {
        String key = Topics.inventoryKey(figure.sku(), figure.dealerId());
        inventory.pipeInput(key, EventEnvelope.of(EventType.INVENTORY_CHANGED, key, figure, now), now);
    }

    /** Feeds records the topology wrote to INVENTORY_CHANGED back in, as the real topic would. */
    void pipeBack(List<KeyValue<String, EventEnvelope<InventoryChanged>>> written) {
        written.forEach(kv -> inventory.pipeInput(kv.key, kv.value, now));
    }

    void order(String orderId, OrderCreated.Line... lines) {
        order(orderPayload(orderId, DELIVERY, lines));
    }

    void order(OrderCreated order) {
        orders.pipeInput(order.orderId(), EventEnvelope.of(EventType.ORDER_CREATED, order.orderId(), order, now), now);
    }

    void order(EventEnvelope<OrderCreated> created) {
        orders.pipeInput(created.aggregateId(), created, now);
    }

    static OrderCreated orderPayload(String orderId, GeoPoint deliveryLocation, OrderCreated.Line... lines) {
        return new OrderCreated(orderId, "c-1", Arrays.asList(lines), BigDecimal.TEN, "INR", "a-1", PINCODE,
                deliveryLocation);
    }

    /** A line of an order placed before lines carried categories: any dealer carries it. */
    static OrderCreated.Line line(String sku, int quantity) {
        return new OrderCreated.Line(sku, quantity, BigDecimal.ONE, null);
    }

    static OrderCreated.Line line(String sku, int quantity, List<String> categories) {
        return new OrderCreated.Line(sku, quantity, BigDecimal.ONE, categories);
    }

    void status(String orderId, OrderStatus to) {
        statuses.pipeInput(orderId, EventEnvelope.of(EventType.ORDER_STATUS_CHANGED, orderId,
                new OrderStatusChanged(orderId, OrderStatus.CONFIRMED, to, null), now), now);
    }

    /** A dealer's (or the courier's) move of a share, as order-service reports it. */
    void share(String orderId, String fulfilmentId, String dealerId, FulfilmentStatus from, FulfilmentStatus to) {
        fulfilment(new FulfilmentUpdated(fulfilmentId, orderId, dealerId, from, to, List.of(), dealerId, null, now));
    }

    /** Fulfillment-Admin's request to give lines to a dealer of their choice. */
    void assignManually(String orderId, String fulfilmentId, String dealerId, FulfilmentShare.Line... lines) {
        fulfilment(new FulfilmentUpdated(fulfilmentId, orderId, dealerId, null, FulfilmentStatus.OFFERED,
                Arrays.asList(lines), "fulfilment-admin", null, now));
    }

    void fulfilment(FulfilmentUpdated update) {
        fulfilments.pipeInput(update.orderId(), EventEnvelope.of(EventType.FULFILMENT_UPDATED, update.orderId(),
                update, now), now);
    }

    record StockFigures(long onHand, long reserved, long available) {
    }

    StockFigures level(String sku, String dealerId) {
        StockLevel level = stockStore().get(Topics.inventoryKey(sku, dealerId));
        return new StockFigures(level.onHand(), level.reserved(), level.available());
    }

    KeyValueStore<String, StockLevel> stockStore() {
        return driver.getKeyValueStore(InventoryLevelsTopology.STOCK_STORE);
    }

    long openFulfilments(String dealerId) {
        Long open = driver.<String, Long>getKeyValueStore(InventoryLevelsTopology.DEALER_LOAD_STORE).get(dealerId);
        return open == null ? 0 : open;
    }

    List<OrderValidated> verdicts() {
        return validations.readValuesToList().stream().map(EventEnvelope::payload).toList();
    }

    List<FulfilmentReassigned> reassigned() {
        return reassignments.readValuesToList().stream().map(EventEnvelope::payload).toList();
    }

    List<Reason> reasons() {
        return changes.readValuesToList().stream().map(event -> event.payload().reason()).toList();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }
}
