package com.toprise.order.order;

import com.toprise.common.test.IndexedMongo;
import com.toprise.common.events.NewestCopies;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.redis.RedisProperties;
import com.toprise.common.redis.RedissonClients;
import com.toprise.common.web.FieldError;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.UnprocessableContentException;
import com.toprise.order.catalog.KnownProducts;
import com.toprise.order.delivery.DeliveryAddresses;
import com.toprise.order.delivery.Destination;
import com.toprise.schemas.events.AddressUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderStatusChanged;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.events.PincodeUpdated;
import com.toprise.schemas.events.ProductUpdated;
import com.toprise.schemas.events.ProductUpdated.ProductStatus;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.schemas.geo.Location;
import com.toprise.schemas.serde.JsonSerde;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;
import org.springframework.data.mongodb.core.MongoTemplate;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Intake and validation verdicts against a MongoDB-wire server and a real Redis, through the real clients. */
class OrderIntakeTest {

    private static final JsonSerde<EventEnvelope<OrderCreated>> CREATED = JsonSerde.envelopeOf(OrderCreated.class);
    private static final JsonSerde<EventEnvelope<OrderStatusChanged>> CHANGED = JsonSerde.envelopeOf(OrderStatusChanged.class);
    private static final Duration COPIES_TTL = Duration.ofMillis(300);
    private static final GeoPoint BENGALURU = new GeoPoint(12.9716, 77.5946);
    private static RedisServer redisServer;
    private static RedissonClient redis;

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("orders");

    private MongoTemplate mongo;
    private OrderIntake intake;
    private OrderValidations validations;
    private KnownProducts products;
    private DeliveryAddresses delivery;

    @BeforeAll
    static void startRedis() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redisServer = new RedisServer(port);
        redisServer.start();
        redis = RedissonClients.create(new RedisProperties("redis://127.0.0.1:" + port, null, Duration.ofSeconds(2)),
                Duration.ofSeconds(2), 1);
    }

    @AfterAll
    static void stopRedis() throws IOException {
        redis.shutdown();
        redisServer.stop();
    }

    @BeforeEach
    void start() {
        mongo = store.template();
        NewestCopies copies = new NewestCopies(mongo);
        OrderProperties properties = new OrderProperties("INR", Duration.ofHours(24), Duration.ofSeconds(30),
                Duration.ofSeconds(5), COPIES_TTL);
        products = new KnownProducts(mongo, copies, properties);
        delivery = new DeliveryAddresses(mongo, copies, properties);
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        products.remember(product("BRK-1", ProductStatus.LIVE, "1499.00"), t);
        products.remember(product("OIL-1", ProductStatus.LIVE, "349.50"), t);
        products.remember(product("DRAFT-1", ProductStatus.DRAFT, "10.00"), t);
        delivery.remember(address("addr-asha", "asha", "Bengaluru", "Karnataka", "560001", false, BENGALURU, t));
        delivery.remember(address("addr-ravi", "ravi", "Mumbai", "Maharashtra", "400001", false, null, t));
        delivery.remember(address("addr-gone", "asha", "Pune", "Maharashtra", "411001", true, null, t));
        delivery.remember(address("addr-closed", "asha", "Leh", "Ladakh", "194101", false, null, t));
        delivery.remember(new PincodeUpdated("194101", "Leh", "Ladakh", false, t));
        OutboxWriter outbox = new OutboxWriter(mongo);
        intake = new OrderIntake(properties, new IdempotencyKeys(redis, properties), products, delivery, outbox, mongo);
        validations = new OrderValidations(mongo, outbox);
    }

    @Test
    void anOrderIsStoredCreatedAtCatalogPricesWithItsOrderCreatedEvent() {
        Placement placement = intake.place("asha", order("addr-asha", line("BRK-1", 2), line("OIL-1", 1)), key());

        Order stored = mongo.findById(placement.order().id(), Order.class);
        assertThat(placement.replayed()).isFalse();
        assertThat(stored.status()).isEqualTo(OrderState.CREATED);
        assertThat(stored.totalAmount()).isEqualByComparingTo("3347.50");
        assertThat(stored.delivery().pincode()).isEqualTo("560001");
        assertThat(stored.delivery()).isEqualTo(new Destination("addr-asha", "560001", "Bengaluru", "Karnataka",
                "12 MG Road", "Near the metro", "Asha Rao", "+919800000001", BENGALURU));
        assertThat(stored.statusHistory()).containsExactly(
                new StatusChange(null, OrderState.CREATED, "BUYER:asha", stored.createdAt(), null));
        OrderCreated event = outboxEvent(stored.id(), CREATED).payload();
        assertThat(event.customerId()).isEqualTo("asha");
        assertThat(event.lines()).extracting(OrderCreated.Line::sku, OrderCreated.Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BRK-1", 2), org.assertj.core.groups.Tuple.tuple("OIL-1", 1));
        assertThat(event.lines()).extracting(OrderCreated.Line::categories).as("the path the catalog named")
                .containsExactly(List.of("brakes", "brakes-pads", "brakes-pads-disc"), List.of("oils"));
        assertThat(event.deliveryPincode()).isEqualTo("560001");
        assertThat(event.deliveryLocation()).isEqualTo(BENGALURU);
        assertThat(outboxEvent(intake.place("ravi", order("addr-ravi", line("BRK-1", 1)), key()).order().id(),
                CREATED).payload().deliveryLocation()).as("an address without a known point").isNull();
    }

    @Test
    void theSameKeyAlwaysAnswersWithTheSameOrderEvenUnderConcurrentRetries() throws Exception {
        String key = key();
        NewOrder request = order("addr-asha", line("BRK-1", 1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Placement>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                attempts.add(pool.submit(() -> intake.place("asha", request, key)));
            }
            Set<String> ids = attempts.stream().map(OrderIntakeTest::get).map(p -> p.order().id()).collect(Collectors.toSet());
            long created = attempts.stream().map(OrderIntakeTest::get).filter(p -> !p.replayed()).count();
            assertThat(ids).hasSize(1);
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Order.class)).isEqualTo(1);
        // another customer's same key is their own order
        assertThat(intake.place("ravi", order("addr-ravi", line("BRK-1", 1)), key).order().customerId()).isEqualTo("ravi");
    }

    @Test
    void aKeyReusedForADifferentRequestIsRefusedAndAKeyLostByRedisStillCannotMakeASecondOrder() {
        String key = key();
        Order first = intake.place("asha", order("addr-asha", line("BRK-1", 1)), key).order();

        assertThatThrownBy(() -> intake.place("asha", order("addr-asha", line("BRK-1", 5)), key))
                .isInstanceOf(UnprocessableContentException.class);

        redis.getKeys().flushall();
        Placement retry = intake.place("asha", order("addr-asha", line("BRK-1", 1)), key);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.order().id()).isEqualTo(first.id());
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Order.class)).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndStoresNothing() {
        String key = key();
        assertThat(errors(() -> intake.place("asha", order("addr-asha", line("NOPE-1", 1), line("DRAFT-1", 1),
                line("BRK-1", 1), line("BRK-1", 2)), key)))
                .extracting(FieldError::field).containsExactly("lines[0].sku", "lines[1].sku", "lines[3].sku");
        assertThat(errors(() -> intake.place("asha", order("addr-ravi", line("BRK-1", 1)), key)))
                .containsExactly(new FieldError("deliveryAddressId", "is not one of your delivery addresses"));
        assertThat(errors(() -> intake.place("asha", order("addr-gone", line("BRK-1", 1)), key)))
                .extracting(FieldError::message).containsExactly("is not one of your delivery addresses");
        assertThat(errors(() -> intake.place("asha", order("addr-closed", line("BRK-1", 1)), key)))
                .extracting(FieldError::message).containsExactly("pincode 194101 is not serviceable");
        assertThat(errors(() -> intake.place("asha", order("addr-asha", line("BRK-1", 1)), null)))
                .extracting(FieldError::field).containsExactly("Idempotency-Key");
        assertThat(errors(() -> intake.place("asha", order("addr-asha", line("BRK-1", 1)), "short")))
                .extracting(FieldError::field).containsExactly("Idempotency-Key");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Order.class)).isZero();

        // the refused requests did not keep the key: the corrected one goes through with it
        assertThat(intake.place("asha", order("addr-asha", line("BRK-1", 1)), key).replayed()).isFalse();
    }

    @Test
    void productsAndPincodesHeldInMemoryFollowTheirChanges() throws InterruptedException {
        Instant later = Instant.parse("2026-11-25T11:00:00Z");
        intake.place("asha", order("addr-asha", line("BRK-1", 1), line("OIL-1", 1)), key());
        assertThat(errors(() -> intake.place("asha", order("addr-asha", line("NEW-1", 1)), key())))
                .extracting(FieldError::field).containsExactly("lines[0].sku");

        // changes this instance applies are seen by the very next order
        products.remember(product("BRK-1", ProductStatus.DRAFT, "1499.00"), later);
        products.remember(product("NEW-1", ProductStatus.LIVE, "99.00"), later);
        assertThat(errors(() -> intake.place("asha", order("addr-asha", line("BRK-1", 1)), key())))
                .extracting(FieldError::message).containsExactly("is not on sale (status DRAFT)");
        assertThat(intake.place("asha", order("addr-asha", line("NEW-1", 1)), key()).order().totalAmount())
                .isEqualByComparingTo("99.00");
        delivery.remember(new PincodeUpdated("560001", "Bengaluru", "Karnataka", false, later));
        assertThat(errors(() -> intake.place("asha", order("addr-asha", line("NEW-1", 1)), key())))
                .extracting(FieldError::message).containsExactly("pincode 560001 is not serviceable");

        // one applied by another instance of the service, after at most the time to live
        NewestCopies otherInstance = new NewestCopies(mongo);
        new KnownProducts(mongo, otherInstance, new OrderProperties("INR", Duration.ofHours(24),
                Duration.ofSeconds(30), Duration.ofSeconds(5), COPIES_TTL))
                .remember(product("OIL-1", ProductStatus.DRAFT, "349.50"), later);
        Thread.sleep(COPIES_TTL.toMillis() + 100);
        assertThat(errors(() -> intake.place("asha", order("addr-asha", line("OIL-1", 1)), key())))
                .extracting(FieldError::message).contains("is not on sale (status DRAFT)");
    }

    @Test
    void aVerdictConfirmsOrRejectsACreatedOrderOnceWithHistoryAndEvent() {
        Order confirmed = intake.place("asha", order("addr-asha", line("BRK-1", 3)), key()).order();
        Order rejected = intake.place("asha", order("addr-asha", line("OIL-1", 9)), key()).order();

        OrderValidated yes = new OrderValidated(confirmed.id(), OrderValidated.Result.CONFIRMED, List.of(
                new OrderValidated.LineOutcome("BRK-1", 3, List.of(new OrderValidated.Allocation("d-2", 1),
                        new OrderValidated.Allocation("d-1", 2)), null, 7)), List.of());
        assertThat(validations.apply(yes)).isTrue();
        assertThat(validations.apply(yes)).isFalse();
        Order afterYes = mongo.findById(confirmed.id(), Order.class);
        assertThat(afterYes.status()).isEqualTo(OrderState.CONFIRMED);
        assertThat(afterYes.dealerIds()).containsExactly("d-1", "d-2");
        assertThat(afterYes.lines().get(0).allocations()).hasSize(2);
        assertThat(afterYes.statusHistory()).extracting(StatusChange::to)
                .containsExactly(OrderState.CREATED, OrderState.CONFIRMED);
        assertThat(outboxEvent(confirmed.id(), CHANGED).payload().to()).isEqualTo(OrderStatus.CONFIRMED);

        assertThat(validations.apply(new OrderValidated(rejected.id(), OrderValidated.Result.REJECTED, List.of(
                new OrderValidated.LineOutcome("OIL-1", 9, List.of(), OrderValidated.Rejection.INSUFFICIENT_STOCK, 4)),
                List.of()))).isTrue();
        Order afterNo = mongo.findById(rejected.id(), Order.class);
        assertThat(afterNo.status()).isEqualTo(OrderState.REJECTED);
        assertThat(afterNo.statusHistory().get(1).reason()).isEqualTo("OIL-1: INSUFFICIENT_STOCK (4 available)");
        assertThat(afterNo.lines().get(0).rejection()).isEqualTo(OrderValidated.Rejection.INSUFFICIENT_STOCK);
        OrderStatusChanged change = outboxEvent(rejected.id(), CHANGED).payload();
        assertThat(change.from()).isEqualTo(OrderStatus.CREATED);
        assertThat(change.reason()).isEqualTo("OIL-1: INSUFFICIENT_STOCK (4 available)");
    }

    @Test
    void aBatchOfVerdictsMovesEachCreatedOrderOnceWithItsOwnEvent() {
        Order first = intake.place("asha", order("addr-asha", line("BRK-1", 1)), key()).order();
        Order second = intake.place("ravi", order("addr-ravi", line("OIL-1", 2)), key()).order();
        Order decided = intake.place("asha", order("addr-asha", line("OIL-1", 1)), key()).order();
        assertThat(validations.apply(confirm(decided, "OIL-1", 1))).isTrue();

        // a redelivered verdict, one for an order already decided and one for no order at all change nothing
        int moved = validations.apply(List.of(confirm(first, "BRK-1", 1), confirm(first, "BRK-1", 1),
                new OrderValidated(second.id(), OrderValidated.Result.REJECTED, List.of(new OrderValidated.LineOutcome(
                        "OIL-1", 2, List.of(), OrderValidated.Rejection.INSUFFICIENT_STOCK, 1)), List.of()),
                confirm(decided, "OIL-1", 1), confirm(OrderFixtures.created("no-such-order", "asha", Instant.now()),
                        "X", 1)));

        assertThat(moved).isEqualTo(2);
        assertThat(mongo.findById(first.id(), Order.class).status()).isEqualTo(OrderState.CONFIRMED);
        assertThat(outboxEvent(first.id(), CHANGED).payload().to()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(mongo.findById(second.id(), Order.class).status()).isEqualTo(OrderState.REJECTED);
        assertThat(outboxEvent(second.id(), CHANGED).payload().reason()).isEqualTo("OIL-1: INSUFFICIENT_STOCK (1 available)");
        assertThat(mongo.findById(decided.id(), Order.class).statusHistory()).hasSize(2);
    }

    private static OrderValidated confirm(Order order, String sku, int quantity) {
        return new OrderValidated(order.id(), OrderValidated.Result.CONFIRMED, List.of(new OrderValidated.LineOutcome(
                sku, quantity, List.of(new OrderValidated.Allocation("d-1", quantity)), null, 10)), List.of());
    }

    private <T> EventEnvelope<T> outboxEvent(String orderId, JsonSerde<EventEnvelope<T>> serde) {
        Document document = mongo.getCollection("orders").find(new Document("_id", orderId)).first();
        List<String> outbox = document.getList(OutboxWriter.FIELD, String.class);
        assertThat(outbox).hasSize(1);
        return serde.deserialize("t", outbox.get(0).getBytes(StandardCharsets.UTF_8));
    }

    private static List<FieldError> errors(Runnable call) {
        try {
            call.run();
        } catch (InvalidRequestException e) {
            return e.errors();
        }
        throw new AssertionError("the request was accepted");
    }

    private static Placement get(Future<Placement> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static NewOrder order(String addressId, NewOrderLine... lines) {
        return new NewOrder(List.of(lines), addressId);
    }

    private static NewOrderLine line(String sku, int quantity) {
        return new NewOrderLine(sku, quantity);
    }

    /** BRK-* as the catalog sends it now (its category path), the others as older events did (names only). */
    private static ProductUpdated product(String sku, ProductStatus status, String price) {
        if (sku.startsWith("BRK-")) {
            return new ProductUpdated("p-" + sku, sku, "Part " + sku, "Bosch", "Brakes", "Pads", "Disc", status,
                    new BigDecimal(price), List.of("brakes", "brakes-pads", "brakes-pads-disc"));
        }
        return new ProductUpdated("p-" + sku, sku, "Part " + sku, "Bosch", "Oils", null, null, status,
                new BigDecimal(price), null);
    }

    private static AddressUpdated address(String id, String userId, String city, String state, String pincode,
                                          boolean removed, GeoPoint point, Instant at) {
        return new AddressUpdated(id, userId, "12 MG Road", "Near the metro", city, state, pincode, removed,
                point == null ? null : Location.geocoded(point), "Asha Rao", "+919800000001", at);
    }
}
