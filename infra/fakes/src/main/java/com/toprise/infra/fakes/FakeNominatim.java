package com.toprise.infra.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server that answers Nominatim's {@code GET /search} as nominatim.openstreetmap.org does, for tests
 * of geocoding clients: a JSON array (jsonv2) of at most {@code limit} places, {@code lat} and {@code lon} as
 * strings, {@code display_name} and {@code address{...}}, an empty array when nothing matches. It answers only the
 * places a test registered, records every request (its User-Agent and query) so a test can see what was asked and
 * how often, and can be told to fail (an HTTP status, or an answer slower than the client waits) to test
 * fallbacks. Like the real service it refuses a request without a User-Agent that names the application (403).
 *
 * <pre>
 * try (FakeNominatim nominatim = FakeNominatim.start()) {
 *     nominatim.register(Map.of("postalcode", "560001"), new FakeNominatim.Place(12.9716, 77.5946, "MG Road"));
 *     ... point the client at nominatim.baseUrl() ...
 * }
 * </pre>
 */
public final class FakeNominatim implements AutoCloseable {

    /** One request as the server saw it: the User-Agent header (null when absent) and the decoded query. */
    public record Request(String userAgent, Map<String, String> query) {
    }

    /** A place to answer with; {@code address} holds Nominatim's address parts (road, city, state, postcode...). */
    public record Place(double latitude, double longitude, String displayName, Map<String, String> address) {

        public Place(double latitude, double longitude, String displayName) {
            this(latitude, longitude, displayName, Map.of());
        }
    }

    private record Registration(Map<String, String> query, Place place) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Registration> places = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int failureStatus;
    private volatile Duration delay = Duration.ZERO;

    private FakeNominatim(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free port of the loopback interface. */
    public static FakeNominatim start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeNominatim fake = new FakeNominatim(server);
            server.createContext("/", fake::handle);
            // a delayed answer must not hold up the next request, as a real server's would not
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fake-nominatim");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Nominatim", e);
        }
    }

    /** Where the client should send its requests, e.g. {@code http://127.0.0.1:40123}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Answers {@code place} to every search whose parameters include all of {@code query} (values compared without
     * regard to case and surrounding spaces). The first matching registration wins.
     */
    public FakeNominatim register(Map<String, String> query, Place place) {
        places.add(new Registration(Map.copyOf(query), place));
        return this;
    }

    /** From now on every request is answered with this status and an error body (0: answer normally again). */
    public FakeNominatim failWith(int status) {
        this.failureStatus = status;
        return this;
    }

    /** From now on every answer is sent only after this delay, to outlast a client's timeout. */
    public FakeNominatim delayAnswers(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Back to answering at once from the registered places; the recorded requests are kept. */
    public FakeNominatim recover() {
        failureStatus = 0;
        delay = Duration.ZERO;
        return this;
    }

    /** Every request received so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Forgets places, requests and failures, for the next test on the same server. */
    public FakeNominatim reset() {
        places.clear();
        requests.clear();
        return recover();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
            String userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
            requests.add(new Request(userAgent, query));
            sleep(delay);
            if (!"GET".equals(exchange.getRequestMethod()) || !"/search".equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, Map.of("error", "Unknown endpoint"));
            } else if (userAgent == null || userAgent.isBlank() || userAgent.startsWith("Java-http-client")) {
                // the usage policy: an application must identify itself; the real service blocks generic agents
                send(exchange, 403, Map.of("error", "Access blocked: provide a User-Agent that names the application"));
            } else if (failureStatus != 0) {
                send(exchange, failureStatus, Map.of("error", "The fake was told to fail"));
            } else {
                send(exchange, 200, search(query));
            }
        } finally {
            exchange.close();
        }
    }

    private List<Map<String, Object>> search(Map<String, String> query) {
        int limit = parseLimit(query.get("limit"));
        List<Map<String, Object>> answer = new ArrayList<>();
        long placeId = 1;
        for (Registration registration : places) {
            if (answer.size() < limit && matches(registration.query(), query)) {
                answer.add(jsonv2(placeId++, registration.place()));
            }
        }
        return answer;
    }

    private static boolean matches(Map<String, String> wanted, Map<String, String> query) {
        return wanted.entrySet().stream().allMatch(entry -> {
            String value = query.get(entry.getKey());
            return value != null && normalized(value).equals(normalized(entry.getValue()));
        });
    }

    /** The fields of one jsonv2 result that clients read; coordinates as strings, as the real service sends them. */
    private static Map<String, Object> jsonv2(long placeId, Place place) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("place_id", placeId);
        result.put("licence", "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright");
        result.put("lat", Double.toString(place.latitude()));
        result.put("lon", Double.toString(place.longitude()));
        result.put("category", "place");
        result.put("type", "house");
        result.put("place_rank", 30);
        result.put("importance", 0.5);
        result.put("addresstype", "place");
        result.put("display_name", place.displayName());
        result.put("address", place.address());
        return result;
    }

    private static int parseLimit(String limit) {
        try {
            return limit == null ? 10 : Math.max(1, Math.min(40, Integer.parseInt(limit.strip())));
        } catch (NumberFormatException e) {
            return 10;
        }
    }

    private static String normalized(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client gave up waiting (a delayed answer): nobody is left to answer
        }
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
