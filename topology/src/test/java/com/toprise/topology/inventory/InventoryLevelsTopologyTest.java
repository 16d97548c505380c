package com.toprise.topology.inventory;

import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.InventoryChanged.Reason;
import com.toprise.schemas.events.InventoryLevel;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderStatusChanged;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.events.OrderValidated.Allocation;
import com.toprise.schemas.events.OrderValidated.Rejection;
import com.toprise.schemas.events.OrderValidated.Result;
import com.toprise.schemas.topics.Topic;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The reservation rules, driven through the real topology (merge, single-partition repartition, stores). */
class InventoryLevelsTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, EventEnvelope<InventoryChanged>> inventory;
    private TestInputTopic<String, EventEnvelope<OrderCreated>> orders;
    private TestInputTopic<String, EventEnvelope<OrderStatusChanged>> statuses;
    private TestOutputTopic<String, EventEnvelope<OrderValidated>> validations;
    private TestOutputTopic<String, EventEnvelope<InventoryChanged>> changes;
    private TestOutputTopic<String, InventoryLevel> levels;

    @BeforeEach
    void setUp() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(InventoryLevelsTopology.build(), properties, T0);
        inventory = input(Topics.INVENTORY_CHANGED);
        orders = input(Topics.ORDER_CREATED);
        statuses = input(Topics.ORDER_STATUS_CHANGED);
        validations = output(Topics.ORDER_VALIDATED);
        changes = output(Topics.INVENTORY_CHANGED);
        levels = output(Topics.INVENTORY_LEVELS);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void twoOrdersForTheLastUnitExactlyOneIsConfirmed() {
        stock("BRK-PAD-001", "d-1", 1);
        order("o-1", line("BRK-PAD-001", 1));
        order("o-2", line("BRK-PAD-001", 1));

        Map<String, OrderValidated> results = results();
        assertThat(results.get("o-1").result()).isEqualTo(Result.CONFIRMED);
        assertThat(results.get("o-1").lines().get(0).allocations()).containsExactly(new Allocation("d-1", 1));
        assertThat(results.get("o-2").result()).isEqualTo(Result.REJECTED);
        assertThat(results.get("o-2").lines().get(0).rejection()).isEqualTo(Rejection.INSUFFICIENT_STOCK);
        assertThat(level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(1, 1, 0));
    }

    @Test
    void aMultiLineOrderThatCannotBeFilledInFullReservesNothing() {
        stock("BRK-PAD-001", "d-1", 5);
        stock("OIL-FLT-204", "d-1", 1);
        order("o-1", line("BRK-PAD-001", 2), line("OIL-FLT-204", 3), line("NO-SUCH-SKU", 1));

        OrderValidated rejected = results().get("o-1");
        assertThat(rejected.result()).isEqualTo(Result.REJECTED);
        assertThat(rejected.lines()).extracting(OrderValidated.LineOutcome::rejection)
                .containsExactly(null, Rejection.INSUFFICIENT_STOCK, Rejection.UNKNOWN_SKU);
        assertThat(rejected.lines()).allSatisfy(line -> assertThat(line.allocations()).isEmpty());
        assertThat(rejected.lines().get(1).availableUnits()).isEqualTo(1);
        assertThat(level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(5, 0, 5));
        assertThat(level("OIL-FLT-204", "d-1")).isEqualTo(new StockFigures(1, 0, 1));
        assertThat(reasons()).isEmpty();
    }

    @Test
    void cancellingReleasesTheReservationAndTheUnitsCanBeSoldAgain() {
        stock("BRK-PAD-001", "d-1", 1);
        order("o-1", line("BRK-PAD-001", 1));
        status("o-1", OrderStatus.CANCELLED);
        order("o-2", line("BRK-PAD-001", 1));

        assertThat(results().get("o-2").result()).isEqualTo(Result.CONFIRMED);
        assertThat(reasons()).containsExactly(Reason.RESERVED, Reason.RELEASED, Reason.RESERVED);
        assertThat(level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(1, 1, 0));
    }

    @Test
    void aLineSpillsOverToTheNextDealerAndShippingTurnsTheReservationIntoADecrement() {
        stock("BRK-PAD-001", "d-1", 3);
        stock("BRK-PAD-001", "d-2", 2);
        order("o-1", line("BRK-PAD-001", 4));

        assertThat(results().get("o-1").lines().get(0).allocations())
                .containsExactly(new Allocation("d-1", 3), new Allocation("d-2", 1));
        status("o-1", OrderStatus.SHIPPED);
        assertThat(level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(0, 0, 0));
        assertThat(level("BRK-PAD-001", "d-2")).isEqualTo(new StockFigures(1, 0, 1));
    }

    @Test
    void redeliveriesChangeNothing() {
        stock("BRK-PAD-001", "d-1", 2);
        EventEnvelope<OrderCreated> created = EventEnvelope.of(EventType.ORDER_CREATED, "o-1",
                orderPayload("o-1", line("BRK-PAD-001", 1)), T0.plusSeconds(5));
        orders.pipeInput("o-1", created);
        orders.pipeInput("o-1", created);
        status("o-1", OrderStatus.CANCELLED);
        status("o-1", OrderStatus.CANCELLED);
        // a stock figure older than the one applied is a late redelivery
        inventory.pipeInput(Topics.inventoryKey("BRK-PAD-001", "d-1"), EventEnvelope.of(EventType.INVENTORY_CHANGED,
                Topics.inventoryKey("BRK-PAD-001", "d-1"), figure("BRK-PAD-001", "d-1", 9), T0.minusSeconds(60)));

        assertThat(validations.readKeyValuesToList()).hasSize(1);
        assertThat(reasons()).containsExactly(Reason.RESERVED, Reason.RELEASED);
        assertThat(level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(2, 0, 2));
    }

    @Test
    void anOrderCancelledBeforeItsCreationArrivesReservesNothingAndBadQuantitiesAreRejected() {
        stock("BRK-PAD-001", "d-1", 2);
        status("o-1", OrderStatus.CANCELLED);
        order("o-1", line("BRK-PAD-001", 1));
        order("o-2", line("BRK-PAD-001", 0));

        Map<String, OrderValidated> results = results();
        assertThat(results).doesNotContainKey("o-1");
        assertThat(results.get("o-2").lines().get(0).rejection()).isEqualTo(Rejection.INVALID_QUANTITY);
        assertThat(level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(2, 0, 2));
    }

    @Test
    void theTopologysOwnInventoryChangesAreNotReadBackAsStockFigures() {
        stock("BRK-PAD-001", "d-1", 2);
        order("o-1", line("BRK-PAD-001", 2));
        changes.readKeyValuesToList().forEach(kv -> inventory.pipeInput(kv.key, kv.value));
        assertThat(level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(2, 2, 0));
        assertThat(levels.readValuesToList()).last().isEqualTo(new InventoryLevel("BRK-PAD-001", "d-1", 2, 2, 0));
    }

    private record StockFigures(long onHand, long reserved, long available) {
    }

    private StockFigures level(String sku, String dealerId) {
        KeyValueStore<String, StockLevel> store = driver.getKeyValueStore(InventoryLevelsTopology.STOCK_STORE);
        StockLevel level = store.get(Topics.inventoryKey(sku, dealerId));
        return new StockFigures(level.onHand(), level.reserved(), level.available());
    }

    private Map<String, OrderValidated> results() {
        return validations.readKeyValuesToList().stream()
                .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value.payload()));
    }

    private List<Reason> reasons() {
        return changes.readValuesToList().stream().map(event -> event.payload().reason()).toList();
    }

    private void stock(String sku, String dealerId, long onHand) {
        String key = Topics.inventoryKey(sku, dealerId);
        inventory.pipeInput(key, EventEnvelope.of(EventType.INVENTORY_CHANGED, key, figure(sku, dealerId, onHand), T0));
    }

    private static InventoryChanged figure(String sku, String dealerId, long onHand) {
        return InventoryChanged.stockFigure(sku, dealerId, onHand, onHand, Reason.ADJUSTMENT);
    }

    private void order(String orderId, OrderCreated.Line... lines) {
        orders.pipeInput(orderId, EventEnvelope.of(EventType.ORDER_CREATED, orderId, orderPayload(orderId, lines), T0));
    }

    private static OrderCreated orderPayload(String orderId, OrderCreated.Line... lines) {
        return new OrderCreated(orderId, "c-1", Arrays.asList(lines), BigDecimal.TEN, "INR", "a-1", "560001");
    }

    private void status(String orderId, OrderStatus to) {
        statuses.pipeInput(orderId, EventEnvelope.of(EventType.ORDER_STATUS_CHANGED, orderId,
                new OrderStatusChanged(orderId, OrderStatus.CONFIRMED, to, null), T0));
    }

    private static OrderCreated.Line line(String sku, int quantity) {
        return new OrderCreated.Line(sku, quantity, BigDecimal.ONE);
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }
}
