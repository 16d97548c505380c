package com.toprise.infra.support;

import com.toprise.infra.platform.EmbeddedPlatform;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dealer at work on its fulfilments through the gateway ({@code /api/dealer/fulfilments}): finds the share of an
 * order it was offered, accepts or declines it, picks the picklist and packs the parcel. order-service creates a
 * fulfilment when it consumes the topology's verdict, so finding one waits for it. The raw calls answer as they are,
 * for tests of refusals; the named steps assert that the step was taken.
 */
public final class Fulfilments {

    /** A parcel within every courier limit. */
    public static final String PARCEL = "{\"weightKg\": 1.5, \"lengthCm\": 30, \"widthCm\": 20, \"heightCm\": 10}";
    private static final String BASE = "/api/dealer/fulfilments";

    private final Api api;

    public Fulfilments(EmbeddedPlatform platform) {
        this.api = new Api(platform.gatewayUrl());
    }

    /** Waits until the dealer has a fulfilment of the order in {@code status}; returns it. */
    public JsonNode awaitOf(String token, String orderId, String status) {
        return Shop.awaitValue("a " + status + " fulfilment of order " + orderId, () -> ofOrder(token, orderId),
                found -> found.stream().anyMatch(f -> status.equals(f.path("status").asString())))
                .stream().filter(f -> status.equals(f.path("status").asString())).findFirst().orElseThrow();
    }

    /** Waits until the fulfilment, as {@code token} sees it, is in {@code status}; returns it. */
    public JsonNode awaitStatus(String token, String fulfilmentId, String status) {
        return Shop.awaitValue("fulfilment " + fulfilmentId + " to be " + status, () -> ok(get(token, fulfilmentId)),
                fulfilment -> status.equals(fulfilment.path("status").asString()));
    }

    /** The dealer's fulfilments of this order, any status (a new dealer has few: one page is all of them). */
    public List<JsonNode> ofOrder(String token, String orderId) {
        return mine(token).stream().filter(f -> orderId.equals(f.path("orderId").asString())).toList();
    }

    /** Every fulfilment the caller sees in the list. */
    public List<JsonNode> mine(String token) {
        JsonNode page = ok(api.get(BASE + "?size=100", token));
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    /** Accepts, picks every line and packs the offered fulfilment, each step answered 200; returns it packed. */
    public JsonNode acceptPickAndPack(String token, JsonNode offered) {
        String id = offered.path("id").asString();
        assertThat(ok(accept(token, id)).path("status").asString()).isEqualTo("ACCEPTED");
        for (JsonNode line : offered.path("lines")) {
            ok(pick(token, id, line.path("sku").asString()));
        }
        JsonNode packed = ok(pack(token, id));
        assertThat(packed.path("status").asString()).as(packed.toString()).isEqualTo("PACKED");
        return packed;
    }

    public HttpResponse<String> get(String token, String fulfilmentId) {
        return api.get(BASE + "/" + fulfilmentId, token);
    }

    public HttpResponse<String> accept(String token, String fulfilmentId) {
        return api.post(BASE + "/" + fulfilmentId + "/accept", token, null);
    }

    public HttpResponse<String> decline(String token, String fulfilmentId, String reason) {
        return api.post(BASE + "/" + fulfilmentId + "/decline", token, "{\"reason\": \"%s\"}".formatted(reason));
    }

    public HttpResponse<String> pick(String token, String fulfilmentId, String sku) {
        return api.post(BASE + "/" + fulfilmentId + "/lines/" + sku + "/pick", token, null);
    }

    public HttpResponse<String> pack(String token, String fulfilmentId) {
        return api.post(BASE + "/" + fulfilmentId + "/pack", token, PARCEL);
    }

    /** {@code GET /api/orders/{id}/timeline} as {@code token} sees it. */
    public JsonNode timeline(String token, String orderId) {
        return ok(api.get("/api/orders/" + orderId + "/timeline", token));
    }

    /** The statuses the fulfilment's history moved to, oldest first. */
    public static List<String> steps(JsonNode fulfilment) {
        List<String> steps = new ArrayList<>();
        fulfilment.path("history").forEach(change -> steps.add(change.path("to").asString()));
        return steps;
    }

    /** The line of this SKU, if the fulfilment has one. */
    public static Optional<JsonNode> line(JsonNode fulfilment, String sku) {
        for (JsonNode line : fulfilment.path("lines")) {
            if (sku.equals(line.path("sku").asString())) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    private static JsonNode ok(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.uri() + ": " + answer.body())
                .isEqualTo(200);
        return Api.json(answer);
    }
}
