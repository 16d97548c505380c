package com.toprise.infra.fakes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The authenticated methods of {@link FakeBorzo}: which endpoint answers what, in Borzo's envelope
 * ({@code is_successful} with {@code order} or {@code orders}, or {@code errors} and {@code parameter_errors}).
 */
final class FakeBorzoApi {

    /** An HTTP status and its JSON body. */
    record Answer(int status, JsonNode body) {
    }

    private FakeBorzoApi() {
    }

    /** @param body the request's JSON, null for none */
    static Answer call(FakeBorzoOrders orders, String method, String endpoint, Map<String, String> query,
                       JsonNode body, String trackingBase) {
        boolean post = "POST".equals(method);
        return switch (endpoint) {
            case "calculate-order" -> post ? order(body, false, () -> FakeBorzoOrders.quote(body))
                    : wrongMethod();
            case "create-order" -> post ? order(body, true, () -> orders.create(body, trackingBase)) : wrongMethod();
            case "cancel-order" -> post ? cancel(orders, body) : wrongMethod();
            case "orders" -> "GET".equals(method) ? list(orders, query.get("order_id")) : wrongMethod();
            default -> new Answer(404, FakeBorzo.failure("invalid_api_method"));
        };
    }

    private static Answer order(JsonNode body, boolean creating, Supplier<ObjectNode> maker) {
        if (body == null || !body.isObject()) {
            return invalid(pointsRequired());
        }
        Optional<ObjectNode> problems = FakeBorzoOrders.problems(body, creating);
        if (problems.isPresent()) {
            return invalid(problems.get());
        }
        return success("order", maker.get());
    }

    private static Answer cancel(FakeBorzoOrders orders, JsonNode body) {
        JsonNode id = body == null ? null : body.path("order_id");
        if (id == null || !(id.isIntegralNumber() || id.isString() && id.asString().matches("\\d+"))) {
            ObjectNode errors = JsonNodeFactory.instance.objectNode();
            errors.putArray("order_id").add("required");
            return invalid(errors);
        }
        long orderId = id.isString() ? Long.parseLong(id.asString()) : id.asLong();
        if (orders.get(orderId).isEmpty()) {
            ObjectNode errors = JsonNodeFactory.instance.objectNode();
            errors.putArray("order_id").add("invalid_value");
            return invalid(errors);
        }
        return orders.cancel(orderId).map(order -> success("order", order))
                .orElseGet(() -> new Answer(400, FakeBorzo.failure("order_cannot_be_canceled")));
    }

    private static Answer list(FakeBorzoOrders orders, String orderId) {
        List<ObjectNode> found;
        if (orderId == null) {
            found = orders.all();
        } else if (orderId.matches("\\d+")) {
            found = orders.get(Long.parseLong(orderId)).stream().toList();
        } else {
            found = List.of();
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("is_successful", true);
        ArrayNode list = answer.putArray("orders");
        for (ObjectNode order : found) {
            list.add(order);
        }
        answer.put("orders_count", found.size());
        return new Answer(200, answer);
    }

    private static ObjectNode pointsRequired() {
        ObjectNode errors = JsonNodeFactory.instance.objectNode();
        errors.putArray("points").add("required");
        return errors;
    }

    private static Answer success(String field, ObjectNode value) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("is_successful", true);
        answer.set(field, value);
        return new Answer(200, answer);
    }

    private static Answer invalid(ObjectNode parameterErrors) {
        ObjectNode answer = FakeBorzo.failure("invalid_parameters");
        answer.set("parameter_errors", parameterErrors);
        return new Answer(400, answer);
    }

    private static Answer wrongMethod() {
        return new Answer(405, FakeBorzo.failure("invalid_http_method"));
    }
}
