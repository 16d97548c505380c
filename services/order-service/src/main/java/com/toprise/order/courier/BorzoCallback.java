package com.toprise.order.courier;

import com.toprise.common.web.FieldError;
import com.toprise.common.web.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One delivery callback of Borzo's, read from its verified body: {@code {event_type, event_datetime, delivery:
 * {order_id, client_order_id, status, status_description, tracking_url, …}}}. Borzo sends no idempotency key, so
 * {@link #key()} (order, status, event time) is what tells a repeat from a new event.
 *
 * @param description Borzo's words for the status, kept as the reason of a cancellation
 */
record BorzoCallback(String eventType, Instant eventAt, String borzoOrderId, String clientOrderId, String status,
                     String description) {

    /** The events about a delivery; order_created and order_changed say nothing deliveries keep. */
    private static final Set<String> DELIVERY_EVENTS = Set.of("delivery_created", "delivery_changed");

    static BorzoCallback parse(byte[] body, ObjectMapper json) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : json.readTree(body);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw InvalidRequestException.of("body", "is not a JSON object");
        }
        List<FieldError> problems = new ArrayList<>();
        String eventType = required(root, "", "event_type", problems);
        Instant eventAt = instant(required(root, "", "event_datetime", problems), problems);
        if (eventType != null && !DELIVERY_EVENTS.contains(eventType)) {
            return new BorzoCallback(eventType, eventAt, null, null, null, null);
        }
        JsonNode delivery = root.path("delivery");
        String orderId = required(delivery, "delivery.", "order_id", problems);
        String status = required(delivery, "delivery.", "status", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new BorzoCallback(eventType, eventAt, orderId, BorzoOrder.text(delivery.path("client_order_id")),
                status, BorzoOrder.text(delivery.path("status_description")));
    }

    /** Whether it is about a delivery; other events are acknowledged and change nothing. */
    boolean aboutDelivery() {
        return DELIVERY_EVENTS.contains(eventType);
    }

    /** The de-duplication key: the same status of the same order at the same moment is the same event. */
    String key() {
        return borzoOrderId + "|" + status + "|" + eventAt;
    }

    private static String required(JsonNode node, String path, String field, List<FieldError> problems) {
        String value = BorzoOrder.text(node.path(field));
        if (value == null || value.isBlank()) {
            problems.add(new FieldError(path + field, "is required"));
            return null;
        }
        return value;
    }

    // Borzo writes local time with its offset ("2026-12-02T15:30:00+05:30"); equal instants are one event
    private static Instant instant(String value, List<FieldError> problems) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldError("event_datetime", "is not an ISO 8601 date-time with offset"));
            return null;
        }
    }
}
