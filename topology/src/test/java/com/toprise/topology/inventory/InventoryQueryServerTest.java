package com.toprise.topology.inventory;

import com.toprise.schemas.queries.InventoryAvailability;
import com.toprise.schemas.queries.InventoryAvailability.DealerAvailability;
import com.toprise.schemas.serde.Json;
import com.toprise.topology.inventory.StockStoreLocator.Local;
import com.toprise.topology.inventory.StockStoreLocator.Location;
import com.toprise.topology.inventory.StockStoreLocator.Remote;
import com.toprise.topology.inventory.StockStoreLocator.Unavailable;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory read API over real HTTP: the store is the real topology's (TopologyTestDriver), fed with stock figures
 * and an order; two servers play two instances, one holding the store and one that must forward to it.
 */
class InventoryQueryServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private InventoryTopologyDriver topology;
    private KeyValueStore<String, StockLevel> store;
    private Local local;
    private final List<InventoryQueryServer> servers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        topology = new InventoryTopologyDriver();
        topology.dealers("d-1", "d-2");
        topology.stock("BRK-PAD-001", "d-2", 2);
        topology.stock("BRK-PAD-001", "d-1", 5);
        topology.stock("BRK-PAD-001-X", "d-1", 7); // shares the prefix "BRK-PAD-001" but is another SKU
        // neither dealer's distance is known and neither has a share: the most available fills it, 3 of d-1's 5
        topology.order("o-1", InventoryTopologyDriver.line("BRK-PAD-001", 3));
        store = topology.stockStore();
        local = new Local(store, topology.driver.getKeyValueStore(InventoryLevelsTopology.DEALERS_STORE),
                topology.driver.getKeyValueStore(InventoryLevelsTopology.DEALER_LOAD_STORE));
    }

    @AfterEach
    void tearDown() {
        servers.forEach(InventoryQueryServer::close);
        topology.close();
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
        topology.stock("BRK-PAD-001", "d-1", 1); // 3 still reserved there

        InventoryAvailability found = StockAvailability.find(store, "BRK-PAD-001").orElseThrow();

        assertThat(found.dealers().get(0)).isEqualTo(new DealerAvailability("d-1", 1, 3, 0));
        assertThat(found.available()).isEqualTo(2);
    }

    @Test
    void theInstanceHoldingTheStoreAnswersAndAnotherForwardsToIt() throws Exception {
        InventoryQueryServer owner = server(() -> local, "RUNNING");
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
    void aDealerIsAnsweredWithItsProfileAndOpenSharesOnceItsDealerUpdatedArrived() throws Exception {
        InventoryQueryServer owner = server(() -> local, "RUNNING");
        InventoryQueryServer other = server(() -> new Remote(new HostInfo("127.0.0.1", owner.port())), "RUNNING");

        for (InventoryQueryServer asked : List.of(owner, other)) {
            HttpResponse<String> answer = get(asked, "/dealers/d-1");
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode body = Json.MAPPER.readTree(answer.body());
            assertThat(body.get("dealerId").asString()).isEqualTo("d-1");
            assertThat(body.get("active").asBoolean()).isTrue();
            assertThat(body.get("servicePincodes").get(0).asString()).isEqualTo(InventoryTopologyDriver.PINCODE);
            assertThat(body.get("openFulfilments").asLong()).isEqualTo(1); // o-1's share
        }
        assertThat(Json.MAPPER.readTree(get(owner, "/dealers/d-2").body()).get("openFulfilments").asLong()).isZero();
        HttpResponse<String> unknown = get(other, "/dealers/d-9");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get(owner, "/dealers/d%201").statusCode()).isEqualTo(400);
        assertThat(get(owner, "/dealers/").statusCode()).isEqualTo(400);
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
        InventoryQueryServer owner = server(() -> local, "RUNNING");

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
        assertThat(get(server(() -> local, "RUNNING"), "/health").statusCode()).isEqualTo(200);
        HttpResponse<String> rebalancing = get(server(() -> local, "REBALANCING"), "/health");
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
}
