package com.toprise.infra.bench;

import com.toprise.infra.fakes.FakeBorzo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls of an order's lifecycle as its three parties make them through the gateway: the customer reads and
 * cancels the order, its dealer reads its fulfilment ({@code <orderId>-1}, the order's one share: each benchmark
 * order's lines are stocked by one dealer) and accepts, picks and packs it, and Borzo (the fake) sends the signed
 * delivery callbacks. The reads answer whether a status shows yet, and refuse ({@link StatusPoller.Wrong}) a
 * status from which the awaited one can no longer follow.
 */
final class LifecycleCalls {

    /** One order being driven: who placed it, whose fulfilment it is, what it holds. */
    record Journey(String orderId, String customerToken, BenchDealer dealer, List<String> skus,
                   boolean cancelled) {

        String fulfilmentId() {
            return orderId + "-1";
        }

        String expectedEnd() {
            return cancelled ? "CANCELLED" : "DELIVERED";
        }
    }

    /** The transitions, in lifecycle order, and what each is timed from. */
    static final Map<String, String> TRANSITIONS = definitions();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> ORDER_ENDS = Set.of("REJECTED", "CANCELLED", "DELIVERED");
    private static final Set<String> FULFILMENT_ENDS = Set.of("DECLINED", "EXPIRED", "CANCELLED", "DELIVERED");
    private static final String PARCEL = "{\"weightKg\":1.5,\"lengthCm\":30,\"widthCm\":20,\"heightCm\":10}";

    private final BenchHttp http;
    private final FakeBorzo borzo;

    LifecycleCalls(BenchHttp http, FakeBorzo borzo) {
        this.http = http;
        this.borzo = borzo;
    }

    /** The id of the order a 201 of POST /api/orders created. */
    static String orderId(BenchHttp.Response placed) {
        return JSON.readTree(placed.body()).path("id").asString();
    }

    StatusPoller.Read orderIs(Journey journey, String status) {
        return () -> {
            JsonNode order = read(http.get("/api/orders/" + journey.orderId(), journey.customerToken()));
            return order != null && shows(order.path("status").asString(), status, ORDER_ENDS, "order");
        };
    }

    StatusPoller.Read fulfilmentIs(Journey journey, String status) {
        return () -> {
            JsonNode fulfilment = fulfilment(journey);
            return fulfilment != null && shows(fulfilment.path("status").asString(), status, FULFILMENT_ENDS,
                    "fulfilment");
        };
    }

    StatusPoller.Read linePicked(Journey journey, String sku) {
        return () -> {
            JsonNode fulfilment = fulfilment(journey);
            if (fulfilment == null) {
                return false;
            }
            for (JsonNode line : fulfilment.path("lines").values()) {
                if (line.path("sku").asString().equals(sku)) {
                    return "PICKED".equals(line.path("status").asString());
                }
            }
            throw new StatusPoller.Wrong("the fulfilment has no line " + sku);
        };
    }

    /** The packed fulfilment's courier booking shows BOOKED; a FAILED one cannot be shipped. */
    StatusPoller.Read booked(Journey journey) {
        return () -> {
            JsonNode fulfilment = fulfilment(journey);
            String state = fulfilment == null ? "" : fulfilment.path("delivery").path("state").asString("");
            if ("FAILED".equals(state) || "CANCELLED".equals(state)) {
                throw new StatusPoller.Wrong("booking " + state + ": " + fulfilment.path("delivery").path("note"));
            }
            return "BOOKED".equals(state);
        };
    }

    BenchHttp.Response accept(Journey journey) {
        return dealer(journey, "/accept", null);
    }

    BenchHttp.Response pick(Journey journey, String sku) {
        return dealer(journey, "/lines/" + sku + "/pick", null);
    }

    BenchHttp.Response pack(Journey journey) {
        return dealer(journey, "/pack", PARCEL);
    }

    BenchHttp.Response cancel(Journey journey) {
        return http.post("/api/orders/" + journey.orderId() + "/cancel", "{\"reason\":\"bench: changed my mind\"}",
                journey.customerToken());
    }

    /** Borzo's signed delivery_changed callback for the fulfilment's delivery, sent through the gateway. */
    BenchHttp.Response callback(Journey journey, String deliveryStatus) {
        long borzoOrder = borzo.orderIdFor(journey.fulfilmentId())
                .orElseThrow(() -> new IllegalStateException("Borzo has no order for " + journey.fulfilmentId()));
        FakeBorzo.Callback sent = borzo.sendCallback(borzoOrder, deliveryStatus);
        return new BenchHttp.Response("callback " + deliveryStatus, sent.status(), sent.answer());
    }

    /**
     * Where the order ended against where the simulation drove it: empty when the order, its fulfilment and (for a
     * cancelled one) its Borzo delivery are all where they should be, else what is off.
     */
    String wrongEnd(Journey journey) {
        String expected = journey.expectedEnd();
        JsonNode order = read(http.get("/api/orders/" + journey.orderId(), journey.customerToken()));
        JsonNode fulfilment = fulfilment(journey);
        String orderStatus = order == null ? "unreadable" : order.path("status").asString();
        String fulfilmentStatus = fulfilment == null ? "unreadable" : fulfilment.path("status").asString();
        String courier = borzo.orderIdFor(journey.fulfilmentId())
                .flatMap(borzo::order).map(o -> o.path("status").asString()).orElse("none");
        boolean courierRight = journey.cancelled() ? "canceled".equals(courier) : "completed".equals(courier);
        if (expected.equals(orderStatus) && expected.equals(fulfilmentStatus) && courierRight) {
            return "";
        }
        return "expected " + expected + ": order " + orderStatus + ", fulfilment " + fulfilmentStatus
                + ", Borzo order " + courier;
    }

    private BenchHttp.Response dealer(Journey journey, String step, String body) {
        return http.send("POST", "/api/dealer/fulfilments/" + journey.fulfilmentId() + step, body,
                journey.dealer().token(), Map.of());
    }

    /** The dealer's view of its fulfilment; null while it does not exist (404) or the read failed. */
    private JsonNode fulfilment(Journey journey) {
        return read(http.get("/api/dealer/fulfilments/" + journey.fulfilmentId(), journey.dealer().token()));
    }

    private static JsonNode read(BenchHttp.Response response) {
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static boolean shows(String actual, String awaited, Set<String> ends, String what)
            throws StatusPoller.Wrong {
        if (actual.equals(awaited)) {
            return true;
        }
        if (ends.contains(actual)) {
            throw new StatusPoller.Wrong("the " + what + " is " + actual + ", awaiting " + awaited);
        }
        return false;
    }

    private static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("confirmed", "POST /api/orders answered -> the order reads CONFIRMED (the topology's verdict stored)");
        d.put("offered", "POST /api/orders answered -> its dealer reads its fulfilment OFFERED (the assignment)");
        d.put("accepted", "dealer's accept answered -> the order reads ASSIGNED");
        d.put("picked", "dealer's pick of a line answered -> the fulfilment reads that line PICKED");
        d.put("packed", "dealer's pack answered -> the order reads PACKED");
        d.put("booked", "dealer's pack answered -> the fulfilment reads its Borzo delivery BOOKED");
        d.put("shipped", "Borzo's parcel_picked_up callback sent -> the order reads SHIPPED");
        d.put("delivered", "Borzo's finished callback sent -> the order reads DELIVERED");
        d.put("cancelled", "customer's cancel answered -> the order reads CANCELLED");
        d.put("fulfilmentCancelled", "customer's cancel answered -> its dealer reads the fulfilment CANCELLED");
        return Collections.unmodifiableMap(d);
    }
}
