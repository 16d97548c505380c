package com.toprise.order.courier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Borzo's Business API (1.6) as deliveries use it: price an order, create it, cancel it, read it. Every call sends
 * the account's {@code X-DV-Auth-Token}; an answer that is not a success (non-2xx, or {@code is_successful}
 * false) becomes a {@link BorzoException} with Borzo's error codes and field errors, no answer one with status 0.
 */
public class BorzoClient {

    static final String AUTH_HEADER = "X-DV-Auth-Token";

    private final BorzoProperties properties;
    private final HttpClient http;
    private final ObjectMapper json;

    public BorzoClient(BorzoProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    }

    /** What Borzo would charge for the delivery; nothing is booked. */
    public BorzoOrder calculate(DeliveryRequest request) {
        return BorzoOrder.of(post("calculate-order", BorzoOrderRequest.of(request, properties.vehicleTypeId()))
                .path("order"));
    }

    /** Books the delivery: a courier will be sent to the pickup. */
    public BorzoOrder create(DeliveryRequest request) {
        return BorzoOrder.of(post("create-order", BorzoOrderRequest.of(request, properties.vehicleTypeId()))
                .path("order"));
    }

    /** Cancels a booked order (Borzo refuses once the courier has the parcel: {@link BorzoException}). */
    public BorzoOrder cancel(String orderId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        // Borzo's order ids are integers; we keep them as text
        if (orderId.matches("\\d{1,18}")) {
            body.put("order_id", Long.parseLong(orderId));
        } else {
            body.put("order_id", orderId);
        }
        return BorzoOrder.of(post("cancel-order", body).path("order"));
    }

    /** The order as Borzo has it now, if Borzo knows it. */
    public Optional<BorzoOrder> get(String orderId) {
        JsonNode answer = send("orders", HttpRequest.newBuilder(uri("orders?order_id="
                + URLEncoder.encode(orderId, StandardCharsets.UTF_8))).GET());
        return answer.path("orders").values().stream().findFirst().map(BorzoOrder::of);
    }

    private JsonNode post(String call, JsonNode body) {
        return send(call, HttpRequest.newBuilder(uri(call)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    }

    private JsonNode send(String call, HttpRequest.Builder request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.header(AUTH_HEADER, properties.authToken() == null ? ""
                            : properties.authToken()).header("Accept", "application/json")
                    .timeout(properties.readTimeout()).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new BorzoException(call, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BorzoException(call, e);
        }
        JsonNode answer = parse(response.body());
        JsonNode successful = answer.path("is_successful");
        if (response.statusCode() / 100 != 2 || !(successful.isBoolean() && successful.booleanValue())) {
            throw BorzoException.of(call, response.statusCode(), answer);
        }
        return answer;
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? MissingNode.getInstance() : json.readTree(body);
        } catch (JacksonException e) {
            // a proxy's HTML error page: the status code still says what happened
            return MissingNode.getInstance();
        }
    }

    private URI uri(String path) {
        String base = properties.baseUrl().toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }
}
