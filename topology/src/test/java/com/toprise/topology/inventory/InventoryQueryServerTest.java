package com.toprise.topology.inventory;

import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.queries.InventoryAvailability;
import com.toprise.schemas.queries.InventoryAvailability.DealerAvailability;
import com.toprise.schemas.serde.Json;
import com.toprise.schemas.topics.Topic;
import com.toprise.schemas.topics.Topics;
import com.toprise.topology.inventory.StockStoreLocator.Local;
import com.toprise.topology.inventory.StockStoreLocator.Location;
import com.toprise.topology.inventory.StockStoreLocator.Remote;
import com.toprise.topology.inventory.StockStoreLocator.Unavailable;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory read API over real HTTP: the store is the real topology's (TopologyTestDriver), fed with stock figures
 * and an order; two servers play two instances, one holding the store and one that must forward to it.
 */
class InventoryQueryServerTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TopologyTestDriver driver;
    private KeyValueStore<String, StockLevel> store;
    private final List<InventoryQueryServer> servers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(InventoryLevelsTopology.build(), properties, T0);
        stock("BRK-PAD-001", "d-2", 2);
        stock("BRK-PAD-001", "d-1", 5);
        stock("BRK-PAD-001-X", "d-1", 7); // shares the prefix "BRK-PAD-001" but is another SKU
        TestInputTopic<String, EventEnvelope<OrderCreated>> orders = input(Topics.ORDER_CREATED);
        orders.pipeInput("o-1", EventEnvelope.of(EventType.ORDER_CREATED, "o-1", new OrderCreated("o-1", "c-1",
                List.of(new OrderCreated.Line("BRK-PAD-001", 3, BigDecimal.ONE)), BigDecimal.TEN, "INR", "a-1",
                "560001"), T0)); // the most available dealer first: 3 of d-1's 5
        store = driver.getKeyValueStore(InventoryLevelsTopology.STOCK_STORE);
    }

    @AfterEach
    void tearDown() {
        servers.forEach(InventoryQueryServer::close);
        driver.close();
    }

    @Test
    void aSkusStockIsSummedOverItsDealersSortedByDealerAndOnlyThatSku() {
        InventoryAvailability found = StockAvailability.find(store, "BRK-PAD-001").orElseThrow();

        assertThat(found).isEqualTo(new InventoryAvailability("BRK-PAD-001", 7, 3, 4, List.of(
                new DealerAvailability("d-1", 5, 3, 2), new DealerAvailability("d-2", 2, 0, 2))));
        assertThat(StockAvailability.find(store, "BRK-PAD")).isEmpty();
        assertThat(StockAvailability.find(store, "BRK-PAD-001-X").orElseThrow().dealers())
                .containsExactly(new DealerAvailability("d-1", 7, 0, 7));
    }

    @Test
    void aDealerCountedBelowItsReservationsHasNoneAvailableAndHidesNobodyElses() {
        stock("BRK-PAD-001", "d-1", 1); // 3 still reserved there

        InventoryAvailability found = StockAvailability.find(store, "BRK-PAD-001").orElseThrow();

        assertThat(found.dealers().get(0)).isEqualTo(new DealerAvailability("d-1", 1, 3, 0));
        assertThat(found.available()).isEqualTo(2);
    }

    @Test
    void theInstanceHoldingTheStoreAnswersAndAnotherForwardsToIt() throws Exception {
        InventoryQueryServer owner = server(() -> new Local(store), "RUNNING");
        InventoryQueryServer other = server(() -> new Remote(new HostInfo("127.0.0.1", owner.port())), "RUNNING");

        for (InventoryQueryServer asked : List.of(owner, other)) {
            HttpResponse<String> answer = get(asked, "/inventory/BRK-PAD-001");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode body = Json.MAPPER.readTree(answer.body());
            assertThat(body.get("sku").asString()).isEqualTo("BRK-PAD-001");
            assertThat(body.get("onHand").asLong()).isEqualTo(7);
            assertThat(body.get("reserved").asLong()).isEqualTo(3);
            assertThat(body.get("available").asLong()).isEqualTo(4);
            assertThat(body.get("dealers").get(0).toString())
                    .isEqualTo("{\"dealerId\":\"d-1\",\"onHand\":5,\"reserved\":3,\"available\":2}");
            assertThat(body.get("dealers")).hasSize(2);
            // what product-service reads it as: the one shared answer type
            assertThat(Json.MAPPER.readValue(answer.body(), InventoryAvailability.class))
                    .isEqualTo(StockAvailability.find(store, "BRK-PAD-001").orElseThrow());
        }
        HttpResponse<String> missing = get(other, "/inventory/NO-SUCH-SKU"); // the owner's 404, relayed
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.MAPPER.readTree(missing.body()).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void aForwardedRequestIsNeverForwardedAgain() throws Exception {
        InventoryQueryServer other = server(() -> new Remote(new HostInfo("127.0.0.1", 1)), "RUNNING");

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(url(other, "/inventory/BRK-PAD-001"))
                .header(InventoryQueryServer.FORWARDED, "1").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void whileTheStoreIsNotQueryableOrItsOwnerIsDownTheAnswerIs503WithRetryAfter() throws Exception {
        int closed = closedPort();
        List<Supplier<Location>> situations = List.of(
                () -> {
                    throw new InvalidStateStoreException("the state store may have migrated to another instance");
                },
                () -> new Unavailable("rebalancing"),
                () -> new Remote(new HostInfo("127.0.0.1", closed)));
        for (Supplier<Location> situation : situations) {
            HttpResponse<String> answer = get(server(situation, "REBALANCING"), "/inventory/BRK-PAD-001");
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void malformedSkusAre400AndOnlyGetIsServed() throws Exception {
        InventoryQueryServer owner = server(() -> new Local(store), "RUNNING");

        for (String path : List.of("/inventory/", "/inventory/-BRK", "/inventory/BRK%20PAD", "/inventory/a/b",
                "/inventory/" + "A".repeat(65))) {
            assertThat(get(owner, path).statusCode()).as(path).isEqualTo(400);
        }
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(url(owner, "/inventory/BRK-PAD-001"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void healthIsUpOnlyWhileTheInventoryApplicationRuns() throws Exception {
        assertThat(get(server(() -> new Local(store), "RUNNING"), "/health").statusCode()).isEqualTo(200);
        HttpResponse<String> rebalancing = get(server(() -> new Local(store), "REBALANCING"), "/health");
        assertThat(rebalancing.statusCode()).isEqualTo(503);
        assertThat(rebalancing.body()).contains("REBALANCING");
    }

    private InventoryQueryServer server(Supplier<Location> where, String state) throws IOException {
        StockStoreLocator locator = new StockStoreLocator() {
            @Override
            public Location locate() {
                return where.get();
            }

            @Override
            public String state() {
                return state;
            }
        };
        InventoryQueryServer server = InventoryQueryServer.start(locator, new InetSocketAddress("127.0.0.1", 0));
        servers.add(server);
        return server;
    }

    private static HttpResponse<String> get(InventoryQueryServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(server, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(InventoryQueryServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void stock(String sku, String dealerId, long onHand) {
        String key = Topics.inventoryKey(sku, dealerId);
        input(Topics.INVENTORY_CHANGED).pipeInput(key, EventEnvelope.of(EventType.INVENTORY_CHANGED, key,
                InventoryChanged.stockFigure(sku, dealerId, onHand, onHand, InventoryChanged.Reason.ADJUSTMENT), T0));
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }
}
