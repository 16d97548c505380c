package com.toprise.order.courier;

import com.toprise.common.web.FieldError;
import com.toprise.schemas.geo.GeoPoint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a packed fulfilment needs from the courier: one parcel from the dealer to the customer.
 *
 * @param fulfilmentId the fulfilment shipped ("&lt;orderId&gt;-&lt;n&gt;"); also the delivery's id and Borzo's
 *                     {@code client_order_id}, so one fulfilment is never booked twice
 * @param weightKg     the packed weight the dealer entered
 * @param takingAmount what the courier collects from the customer on delivery (cash on delivery); zero when paid
 */
public record DeliveryRequest(String fulfilmentId, String orderId, Stop pickup, Stop drop, double weightKg,
                              BigDecimal takingAmount) {

    /** What is missing or wrong, as field errors; Borzo would refuse such a request, so it is never sent. */
    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        require(problems, "fulfilmentId", fulfilmentId);
        require(problems, "orderId", orderId);
        stop(problems, "pickup", pickup);
        stop(problems, "drop", drop);
        if (!(weightKg > 0)) {
            problems.add(new FieldError("weightKg", "must be a positive weight in kg"));
        }
        if (takingAmount != null && takingAmount.signum() < 0) {
            problems.add(new FieldError("takingAmount", "must not be negative"));
        }
        return problems;
    }

    private static void stop(List<FieldError> problems, String name, Stop stop) {
        if (stop == null) {
            problems.add(new FieldError(name, "is required"));
            return;
        }
        require(problems, name + ".address", stop.address());
        require(problems, name + ".contactPhone", stop.contactPhone());
        if ((stop.latitude() != null || stop.longitude() != null)
                && !GeoPoint.isValid(stop.latitude(), stop.longitude())) {
            problems.add(new FieldError(name + ".latitude", "latitude and longitude must name a point on the earth"));
        }
    }

    private static void require(List<FieldError> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldError(field, "is required"));
        }
    }
}
