package com.toprise.topology.inventory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.schemas.serde.Json;
import com.toprise.topology.inventory.StockStoreLocator.Local;
import com.toprise.topology.inventory.StockStoreLocator.Location;
import com.toprise.topology.inventory.StockStoreLocator.Remote;
import com.toprise.topology.inventory.StockStoreLocator.Unavailable;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The inventory topology's own read API (interactive queries), for product-service's {@code GET /api/inventory/{sku}}:
 * {@code GET /inventory/{sku}} answers one SKU's stock per dealer from the stock store, on whichever instance is asked
 * (one that does not hold the store forwards the request to the one that does), {@code GET /dealers/{id}} what the
 * dealer assignment knows of a dealer (its profile and open shares; 404 until its DEALER_UPDATED arrived, which is
 * what a test waits for before ordering from it), and {@code GET /health} is 200 while the inventory application is
 * RUNNING. Internal: no authentication, so it must not be reachable from outside.
 */
public final class InventoryQueryServer implements AutoCloseable {

    /** Marks a forwarded request: its receiver answers or fails, never forwards again (no loops while owners move). */
    static final String FORWARDED = "X-Forwarded-By-Topology";
    private static final String PREFIX = "/inventory/";
    private static final String DEALERS = "/dealers/";
    /** SKUs and dealer ids alike. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** A rebalance or a restore usually ends within seconds. */
    private static final String RETRY_AFTER_SECONDS = "2";
    private static final System.Logger log = System.getLogger(InventoryQueryServer.class.getName());

    private final StockStoreLocator stores;
    private final HttpServer server;
    private final ExecutorService workers;
    private final HttpClient client;

    private InventoryQueryServer(StockStoreLocator stores, HttpServer server) {
        this.stores = stores;
        this.server = server;
        // a few threads: requests are short, but a forwarded one waits for the owner
        this.workers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "inventory-query");
            thread.setDaemon(true);
            return thread;
        });
        // not on the workers: a worker blocked in send() must not wait for a worker to complete it
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        server.createContext(PREFIX, exchange -> handle(exchange, () -> inventory(exchange)));
        server.createContext(DEALERS, exchange -> handle(exchange, () -> dealer(exchange)));
        server.createContext("/health", exchange -> handle(exchange, () -> health(exchange)));
        server.setExecutor(workers);
        server.start();
    }

    /** Serves the inventory application's store on {@code self}, the address it advertises as application.server. */
    public static InventoryQueryServer start(KafkaStreams inventoryStreams, HostInfo self) throws IOException {
        return start(new KafkaStreamsStockStores(inventoryStreams, self),
                new InetSocketAddress(self.host(), self.port()));
    }

    static InventoryQueryServer start(StockStoreLocator stores, InetSocketAddress address) throws IOException {
        return new InventoryQueryServer(stores, HttpServer.create(address, 0));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void inventory(HttpExchange exchange) throws IOException {
        String sku = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
        if (!ID.matcher(sku).matches()) {
            problem(exchange, 400, "Invalid request", "A SKU is 1-64 letters, digits, '.', '_' or '-'.");
            return;
        }
        answer(exchange, PREFIX + sku, local -> StockAvailability.find(local.stock(), sku),
                "No dealer has stock of '" + sku + "'.");
    }

    /** What the assignment knows of a dealer: its profile as of its latest DEALER_UPDATED and its open shares. */
    private void dealer(HttpExchange exchange) throws IOException {
        String dealerId = exchange.getRequestURI().getRawPath().substring(DEALERS.length());
        if (!ID.matcher(dealerId).matches()) {
            problem(exchange, 400, "Invalid request", "A dealer id is 1-64 letters, digits, '.', '_' or '-'.");
            return;
        }
        answer(exchange, DEALERS + dealerId, local -> {
            Long open = local.load().get(dealerId);
            return Optional.ofNullable(local.dealers().get(dealerId))
                    .map(profile -> KnownDealer.of(profile, open == null ? 0 : open));
        }, "No DEALER_UPDATED of '" + dealerId + "' has reached the topology.");
    }

    /** Reads the answer where the stores are (here, or forwarded to their owner): 200 with it, or 404. */
    private void answer(HttpExchange exchange, String path, Function<Local, Optional<?>> read, String notFound)
            throws IOException {
        Optional<?> found;
        try {
            Local local = localStores(exchange, path);
            if (local == null) {
                return;
            }
            found = read.apply(local);
        } catch (InvalidStateStoreException moving) { // rebalancing, restoring, or migrated during the read
            unavailable(exchange, "the stores are not queryable now: " + moving.getMessage());
            return;
        }
        if (found.isEmpty()) {
            problem(exchange, 404, "Not found", notFound);
        } else {
            send(exchange, 200, "application/json", Json.MAPPER.writeValueAsBytes(found.get()));
        }
    }

    /** The stores when this instance holds them; otherwise the request is forwarded or refused, and null returned. */
    private Local localStores(HttpExchange exchange, String path) throws IOException {
        Location where = stores.locate();
        if (where instanceof Remote remote) {
            forward(exchange, remote.owner(), path);
            return null;
        }
        if (where instanceof Unavailable unavailable) {
            unavailable(exchange, unavailable.reason());
            return null;
        }
        return (Local) where;
    }

    private void forward(HttpExchange exchange, HostInfo owner, String path) throws IOException {
        if (exchange.getRequestHeaders().containsKey(FORWARDED)) {
            // the sender thought we held the store and we think it is elsewhere: metadata is changing hands
            unavailable(exchange, "the stock store is moving between instances");
            return;
        }
        String host = owner.host().contains(":") ? "[" + owner.host() + "]" : owner.host();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + owner.port() + path))
                .timeout(Duration.ofSeconds(2)).header(FORWARDED, "1").GET().build();
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.log(System.Logger.Level.WARNING, "the instance holding the stock store ({0}) does not answer: {1}",
                    owner, e.toString());
            unavailable(exchange, "the instance holding the stock store does not answer");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable(exchange, "interrupted");
            return;
        }
        answer.headers().firstValue("Retry-After").ifPresent(v -> exchange.getResponseHeaders().set("Retry-After", v));
        send(exchange, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse("application/json"),
                answer.body());
    }

    private void health(HttpExchange exchange) throws IOException {
        String state = stores.state();
        boolean up = KafkaStreams.State.RUNNING.name().equals(state);
        send(exchange, up ? 200 : 503, "application/json",
                Json.MAPPER.writeValueAsBytes(Map.of("status", up ? "UP" : "DOWN", "state", state)));
    }

    /** GET only; anything unexpected is a 500 with a body, not a connection closed without an answer. */
    private void handle(HttpExchange exchange, IoAction action) {
        try (exchange) {
            try {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", "GET");
                    problem(exchange, 405, "Method not allowed", "Only GET is served.");
                } else if ("/health".equals(exchange.getHttpContext().getPath())
                        && !"/health".equals(exchange.getRequestURI().getRawPath())) {
                    problem(exchange, 404, "Not found", "No such resource.");
                } else {
                    action.run();
                }
            } catch (IOException | RuntimeException e) {
                log.log(System.Logger.Level.ERROR,
                        exchange.getRequestMethod() + " " + exchange.getRequestURI() + " failed", e);
                problem(exchange, 500, "Internal error", "An unexpected error occurred.");
            }
        } catch (IOException | RuntimeException e) {
            // the client went away
            log.log(System.Logger.Level.DEBUG, "could not answer {0}: {1}", exchange.getRequestURI(), e.toString());
        }
    }

    private static void unavailable(HttpExchange exchange, String detail) throws IOException {
        exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        problem(exchange, 503, "Service unavailable", detail);
    }

    /** The same fields as the services' problem+json (RFC 9457). */
    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", exchange.getRequestURI().getRawPath());
        send(exchange, status, "application/problem+json", Json.MAPPER.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** The answer of {@code GET /dealers/{id}}. */
    record KnownDealer(String dealerId, boolean active, List<String> categories, List<String> servicePincodes,
                       GeoPoint location, Double serviceRadiusKm, Instant asOf, long openFulfilments) {

        static KnownDealer of(DealerProfile profile, long openFulfilments) {
            return new KnownDealer(profile.dealerId(), profile.active(), profile.categories(),
                    profile.servicePincodes(), profile.location(), profile.serviceRadiusKm(), profile.asOf(),
                    openFulfilments);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
