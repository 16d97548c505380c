package com.toprise.order.courier;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The body of calculate-order and create-order for one fulfilment: two points, the pickup at the dealer and the
 * drop at the customer, the drop carrying our fulfilment id as {@code client_order_id} (what callbacks and
 * Borzo's dashboard show us back) and the amount to collect.
 */
final class BorzoOrderRequest {

    private BorzoOrderRequest() {
    }

    static ObjectNode of(DeliveryRequest request, int vehicleTypeId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("matter", "Automotive parts, fulfilment " + request.fulfilmentId());
        body.put("vehicle_type_id", vehicleTypeId);
        // Borzo prices by whole kilograms; a 0.4 kg parcel still weighs something
        body.put("total_weight_kg", (int) Math.max(1, Math.ceil(request.weightKg())));
        body.put("is_contact_person_notification_enabled", true);
        body.putArray("points").add(point(request.pickup(), null, null))
                .add(point(request.drop(), request.fulfilmentId(), request.takingAmount()));
        return body;
    }

    private static ObjectNode point(Stop stop, String clientOrderId, BigDecimal takingAmount) {
        ObjectNode point = JsonNodeFactory.instance.objectNode();
        point.put("address", stop.address());
        if (stop.latitude() != null && stop.longitude() != null) {
            point.put("latitude", stop.latitude());
            point.put("longitude", stop.longitude());
        }
        ObjectNode contact = point.withObjectProperty("contact_person");
        contact.put("phone", stop.contactPhone());
        if (stop.contactName() != null) {
            contact.put("name", stop.contactName());
        }
        if (clientOrderId != null) {
            point.put("client_order_id", clientOrderId);
        }
        if (stop.note() != null) {
            point.put("note", stop.note());
        }
        if (takingAmount != null && takingAmount.signum() > 0) {
            point.put("taking_amount", takingAmount.setScale(2, RoundingMode.HALF_UP).toPlainString());
        }
        return point;
    }
}
