package com.toprise.order.courier;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of Borzo's {@code order} object that deliveries keep: its id and status, what it costs, and per point
 * the tracking link and the delivery's status. Borzo writes money as decimal strings ("125.00") and ids as numbers;
 * both are read whichever way they come.
 *
 * @param paymentAmount what Borzo charges in all (fee, insurance and extras)
 * @param deliveryFee   the delivery fee alone
 */
public record BorzoOrder(String orderId, String status, BigDecimal paymentAmount, BigDecimal deliveryFee,
                         List<Point> points) {

    /** One address of the order as Borzo answers it; {@code deliveryStatus} is that of the delivery to it. */
    public record Point(String pointId, String clientOrderId, String trackingUrl, String deliveryStatus) {
    }

    public BorzoOrder {
        points = List.copyOf(points);
    }

    /** Reads the {@code order} object of a Borzo answer. */
    static BorzoOrder of(JsonNode order) {
        List<Point> points = new ArrayList<>();
        for (JsonNode point : order.path("points").values()) {
            points.add(new Point(text(point.path("point_id")), text(point.path("client_order_id")),
                    text(point.path("tracking_url")), text(point.path("delivery").path("status"))));
        }
        return new BorzoOrder(text(order.path("order_id")), text(order.path("status")),
                money(order.path("payment_amount")), money(order.path("delivery_fee_amount")), points);
    }

    /** The point our fulfilment is delivered to (its {@code client_order_id}), else the last one, the drop. */
    Point pointFor(String clientOrderId) {
        return points.stream().filter(p -> clientOrderId.equals(p.clientOrderId())).findFirst()
                .orElse(points.isEmpty() ? null : points.get(points.size() - 1));
    }

    static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static BigDecimal money(JsonNode node) {
        String text = text(node);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
