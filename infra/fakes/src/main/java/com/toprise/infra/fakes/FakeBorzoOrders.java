package com.toprise.infra.fakes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link FakeBorzo}'s order book: checks an order request as Borzo does, prices it, keeps the orders it created
 * and moves their status when a callback is sent. Prices are made up but deterministic (a base fee, a rate per
 * straight-line kilometre between the points, a surcharge per kilogram above 5), money written as Borzo writes
 * it, a decimal string.
 */
final class FakeBorzoOrders {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final double UNKNOWN_DISTANCE_KM = 5;

    private final Map<Long, ObjectNode> orders = new TreeMap<>();
    /** The newest order created for each client order id, so a load test's look-ups do not scan every order. */
    private final Map<String, Long> newestByClientOrderId = new HashMap<>();
    private long nextId = 1001;

    /**
     * Borzo's {@code parameter_errors} for the request, nested like the request itself, or empty when it is valid.
     * Creating needs what a courier needs (what to carry, whom to call); pricing needs only the route.
     */
    static Optional<ObjectNode> problems(JsonNode body, boolean creating) {
        ObjectNode errors = NODES.objectNode();
        if (creating && blank(body.path("matter"))) {
            errors.putArray("matter").add("required");
        }
        JsonNode points = body.path("points");
        if (!points.isArray() || points.size() < 2) {
            errors.putArray("points").add(points.isArray() ? "min_count_2" : "required");
            return Optional.of(errors);
        }
        ArrayNode pointErrors = NODES.arrayNode();
        boolean any = false;
        for (JsonNode point : points.values()) {
            ObjectNode problems = NODES.objectNode();
            if (blank(point.path("address"))) {
                problems.putArray("address").add("required");
            }
            if (creating && blank(point.path("contact_person").path("phone"))) {
                problems.withObjectProperty("contact_person").putArray("phone").add("required");
            }
            any |= !problems.isEmpty();
            if (problems.isEmpty()) {
                pointErrors.addNull();
            } else {
                pointErrors.add(problems);
            }
        }
        if (any) {
            errors.set("points", pointErrors);
        }
        return errors.isEmpty() ? Optional.empty() : Optional.of(errors);
    }

    /** The order Borzo would create, priced, without an id: the answer of calculate-order. */
    static ObjectNode quote(JsonNode body) {
        ObjectNode order = NODES.objectNode();
        order.putNull("order_id");
        order.put("vehicle_type_id", body.path("vehicle_type_id").asInt(8));
        order.put("matter", body.path("matter").asString(""));
        order.put("total_weight_kg", body.path("total_weight_kg").asInt(0));
        order.put("status", "new");
        order.put("status_description", "Draft");
        BigDecimal fee = fee(body);
        order.put("delivery_fee_amount", money(fee));
        order.put("weight_fee_amount", money(weightFee(body)));
        order.put("payment_amount", money(fee));
        ArrayNode points = order.putArray("points");
        for (JsonNode point : body.path("points").values()) {
            JsonNode copy = point.deepCopy();
            points.add(copy);
        }
        return order;
    }

    /** Creates the order: ids for it and each point, a tracking link per point, status {@code new}. */
    synchronized ObjectNode create(JsonNode body, String trackingBase) {
        ObjectNode order = quote(body);
        long id = nextId++;
        order.put("order_id", id);
        order.put("order_name", Long.toString(id));
        order.put("created_datetime", OffsetDateTime.now(FakeBorzo.INDIA).withNano(0).toString());
        order.put("status_description", "Created");
        int index = 0;
        for (JsonNode point : order.path("points").values()) {
            long pointId = id * 10 + index++;
            ((ObjectNode) point).put("point_id", pointId);
            ((ObjectNode) point).put("delivery_id", pointId);
            ((ObjectNode) point).put("tracking_url", trackingBase + "/" + pointId);
        }
        orders.put(id, order);
        String clientOrderId = dropPoint(order).path("client_order_id").asString("");
        if (!clientOrderId.isEmpty()) {
            newestByClientOrderId.put(clientOrderId, id);
        }
        return order.deepCopy();
    }

    synchronized Optional<ObjectNode> get(long id) {
        return Optional.ofNullable(orders.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized List<ObjectNode> all() {
        return orders.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** Cancels an order that has not been completed or cancelled; empty when Borzo would refuse. */
    synchronized Optional<ObjectNode> cancel(long id) {
        ObjectNode order = orders.get(id);
        if (order == null || List.of("completed", "canceled").contains(order.path("status").asString())) {
            return Optional.empty();
        }
        order.put("status", "canceled");
        order.put("status_description", "Canceled by the client");
        return Optional.of(order.deepCopy());
    }

    /**
     * The {@code delivery} object of a delivery_changed callback (the drop point's, the one with the client's
     * order id) in {@code status}; with {@code move} the order's delivery really moves there (and the order with
     * it), without it the callback is a forgery that Borzo's own state knows nothing of.
     */
    synchronized ObjectNode deliveryChanged(long id, String status, String at, boolean move) {
        ObjectNode order = orders.get(id);
        if (order == null) {
            throw new IllegalArgumentException("FakeBorzo has no order " + id);
        }
        if (move) {
            order.put("status", switch (status) {
                case "finished" -> "completed";
                case "canceled" -> "canceled";
                case "planned", "courier_assigned" -> "available";
                default -> "active";
            });
        }
        JsonNode drop = dropPoint(order);
        ObjectNode delivery = NODES.objectNode();
        delivery.put("delivery_id", drop.path("delivery_id").asLong());
        delivery.put("delivery_type", "plan");
        delivery.put("order_id", id);
        delivery.set("client_order_id", drop.path("client_order_id").isMissingNode() ? NODES.nullNode()
                : drop.path("client_order_id"));
        delivery.put("point_id", drop.path("point_id").asLong());
        delivery.put("address", drop.path("address").asString(""));
        delivery.put("status", status);
        delivery.put("status_datetime", at);
        delivery.put("tracking_url", drop.path("tracking_url").asString(""));
        return delivery;
    }

    /** The id of the order created for this client order id (the drop point's), the newest if several. */
    synchronized Optional<Long> idFor(String clientOrderId) {
        return Optional.ofNullable(newestByClientOrderId.get(clientOrderId));
    }

    private static JsonNode dropPoint(JsonNode order) {
        for (JsonNode point : order.path("points").values()) {
            if (!blank(point.path("client_order_id"))) {
                return point;
            }
        }
        return order.path("points").get(order.path("points").size() - 1);
    }

    private static BigDecimal fee(JsonNode body) {
        List<JsonNode> points = List.copyOf(body.path("points").values());
        double km = 0;
        for (int i = 1; i < points.size(); i++) {
            km += distanceKm(points.get(i - 1), points.get(i));
        }
        return BigDecimal.valueOf(40).add(BigDecimal.valueOf(12 * km)).add(weightFee(body));
    }

    private static BigDecimal weightFee(JsonNode body) {
        return BigDecimal.valueOf(10L * Math.max(0, body.path("total_weight_kg").asInt(0) - 5));
    }

    private static double distanceKm(JsonNode from, JsonNode to) {
        if (!from.path("latitude").isNumber() || !to.path("latitude").isNumber()) {
            return UNKNOWN_DISTANCE_KM;
        }
        double phi1 = Math.toRadians(from.path("latitude").asDouble());
        double phi2 = Math.toRadians(to.path("latitude").asDouble());
        double dLambda = Math.toRadians(to.path("longitude").asDouble() - from.path("longitude").asDouble());
        double h = Math.pow(Math.sin((phi2 - phi1) / 2), 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static boolean blank(JsonNode node) {
        return !node.isString() || node.asString().isBlank();
    }
}
