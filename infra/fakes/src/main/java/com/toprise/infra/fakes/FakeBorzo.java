package com.toprise.infra.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local HTTP server that speaks Borzo's Business API 1.6 under {@value #BASE_PATH}, for tests of delivery
 * clients: {@code GET} on the base answers {@code {"is_successful": true}}; {@code POST calculate-order},
 * {@code create-order} (each checked like Borzo: at least two points with an address, and for creating a
 * {@code matter} and each point's {@code contact_person.phone}), {@code cancel-order {order_id}} and
 * {@code GET orders?order_id=} answer Borzo's envelope, errors as {@code {is_successful: false, errors: [...],
 * parameter_errors: {...}}} with HTTP 400, a missing or wrong {@code X-DV-Auth-Token} with 401. It records every
 * request, and sends Borzo's {@code delivery_changed} callbacks to the configured URL, signed as Borzo signs them
 * ({@code X-DV-Signature}: hex HMAC-SHA256 of the raw body with the callback secret), or with a tampered
 * signature, or the last one again.
 *
 * <pre>
 * try (FakeBorzo borzo = FakeBorzo.start("token", "callback-secret")) {
 *     borzo.callbackUrl("http://127.0.0.1:5003/api/delivery/borzo/callbacks");
 *     ... point the client at borzo.baseUrl(), book ...
 *     borzo.sendCallback(borzo.orderIdFor("o-1-1").orElseThrow(), "parcel_picked_up");
 * }
 * </pre>
 */
public final class FakeBorzo implements AutoCloseable {

    public static final String BASE_PATH = "/api/business/1.6";
    public static final String AUTH_HEADER = "X-DV-Auth-Token";
    public static final String SIGNATURE_HEADER = "X-DV-Signature";
    /** Borzo India writes times in IST. */
    static final ZoneOffset INDIA = ZoneOffset.ofHoursMinutes(5, 30);

    /** One request as the server saw it; {@code body} is null for a GET or a body that was no JSON. */
    public record Request(String method, String endpoint, String authToken, Map<String, String> query,
                          JsonNode body) {
    }

    /** A callback as it was sent, and the callback URL's answer. */
    public record Callback(String body, String signature, int status, String answer) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String authToken;
    private final String callbackSecret;
    private final FakeBorzoOrders orders = new FakeBorzoOrders();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile URI callbackUrl;
    private volatile Callback lastCallback;
    /** Per Borzo order, the time of its last event: each order's events are in order, never two at one time. */
    private final Map<Long, OffsetDateTime> lastEventAt = new HashMap<>();

    private FakeBorzo(HttpServer server, String authToken, String callbackSecret) {
        this.server = server;
        this.authToken = authToken;
        this.callbackSecret = callbackSecret;
    }

    /** Starts on a free port of the loopback interface, accepting {@code authToken}, signing with the secret. */
    public static FakeBorzo start(String authToken, String callbackSecret) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeBorzo fake = new FakeBorzo(server, authToken, callbackSecret);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fake-borzo");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The API's base URL with its version, as a client is configured with it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    /** Where callbacks go. */
    public FakeBorzo callbackUrl(String url) {
        this.callbackUrl = URI.create(url);
        return this;
    }

    /** Every request so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests to one endpoint ({@code "create-order"}, {@code "orders"}, {@code ""} for the base). */
    public List<Request> requests(String endpoint) {
        return requests.stream().filter(r -> r.endpoint().equals(endpoint)).toList();
    }

    /** An order as Borzo has it now. */
    public Optional<JsonNode> order(long orderId) {
        return orders.get(orderId).map(JsonNode.class::cast);
    }

    /** The Borzo order created for a client order id (the drop point's {@code client_order_id}), the newest. */
    public Optional<Long> orderIdFor(String clientOrderId) {
        return orders.idFor(clientOrderId);
    }

    /** Moves the order's delivery to {@code deliveryStatus} and sends the signed delivery_changed callback. */
    public Callback sendCallback(long orderId, String deliveryStatus) {
        String body = callbackBody(orderId, deliveryStatus, true);
        return send(body, sign(body));
    }

    /**
     * Sends a delivery_changed callback whose signature is not its body's (one hex digit changed), as a forger
     * would: the order's state here does not move.
     */
    public Callback sendTamperedCallback(long orderId, String deliveryStatus) {
        String body = callbackBody(orderId, deliveryStatus, false);
        String signature = sign(body);
        char last = signature.charAt(signature.length() - 1);
        return send(body, signature.substring(0, signature.length() - 1) + (last == '0' ? '1' : '0'));
    }

    /** Sends the last callback again, byte for byte, with its signature: what Borzo's retry does. */
    public Callback replayLastCallback() {
        Callback last = lastCallback;
        if (last == null) {
            throw new IllegalStateException("no callback was sent yet");
        }
        return send(last.body(), last.signature());
    }

    /** Hex HMAC-SHA256 of the body with the callback secret, as Borzo signs. */
    public String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(callbackSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server; a second call does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
        }
    }

    private String callbackBody(long orderId, String deliveryStatus, boolean move) {
        String at = nextEventTime(orderId).toString();
        ObjectNode callback = JsonNodeFactory.instance.objectNode();
        callback.put("event_datetime", at);
        callback.put("event_type", "delivery_changed");
        callback.set("delivery", orders.deliveryChanged(orderId, deliveryStatus, at, move));
        return JSON.writeValueAsString(callback);
    }

    // Borzo's times have whole seconds; two events of one order within one second are still two events. Per order,
    // so that many orders' callbacks in one second (a load test) keep the present time instead of running ahead
    private synchronized OffsetDateTime nextEventTime(long orderId) {
        OffsetDateTime now = OffsetDateTime.now(INDIA).withNano(0);
        return lastEventAt.merge(orderId, now,
                (last, current) -> current.isAfter(last) ? current : last.plusSeconds(1));
    }

    private Callback send(String body, String signature) {
        if (callbackUrl == null) {
            throw new IllegalStateException("no callback URL: call callbackUrl(...) first");
        }
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(callbackUrl)
                    .header("Content-Type", "application/json").header(SIGNATURE_HEADER, signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Callback sent = new Callback(body, signature, answer.statusCode(), answer.body());
            lastCallback = sent;
            return sent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith(BASE_PATH)) {
                answer(exchange, 404, failure("invalid_api_version"));
                return;
            }
            String endpoint = path.substring(BASE_PATH.length()).replaceAll("^/+|/+$", "");
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = parse(raw);
            String token = exchange.getRequestHeaders().getFirst(AUTH_HEADER);
            requests.add(new Request(exchange.getRequestMethod(), endpoint, token,
                    query(exchange.getRequestURI()), body));
            if (endpoint.isEmpty() && "GET".equals(exchange.getRequestMethod())) {
                answer(exchange, 200, JsonNodeFactory.instance.objectNode().put("is_successful", true));
            } else if (token == null || token.isBlank()) {
                answer(exchange, 401, failure("required_auth_token"));
            } else if (!token.equals(authToken)) {
                answer(exchange, 401, failure("invalid_auth_token"));
            } else if (raw.length > 0 && body == null) {
                answer(exchange, 400, failure("invalid_json"));
            } else {
                FakeBorzoApi.Answer result = FakeBorzoApi.call(orders, exchange.getRequestMethod(), endpoint,
                        query(exchange.getRequestURI()), body, trackingBase());
                answer(exchange, result.status(), result.body());
            }
        } finally {
            exchange.close();
        }
    }

    private String trackingBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/track";
    }

    static ObjectNode failure(String error) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("is_successful", false);
        answer.putArray("errors").add(error);
        return answer;
    }

    private static JsonNode parse(byte[] raw) {
        if (raw.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(raw);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
