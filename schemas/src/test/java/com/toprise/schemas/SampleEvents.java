package com.toprise.schemas;

import com.toprise.schemas.catalog.CategoryIds;
import com.toprise.schemas.events.AddressUpdated;
import com.toprise.schemas.events.CategoryUpdated;
import com.toprise.schemas.events.DealerUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.FulfilmentReassigned;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.FulfilmentUpdated;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderStatusChanged;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.events.PaymentReceived;
import com.toprise.schemas.events.PincodeUpdated;
import com.toprise.schemas.events.ProductUpdated;
import com.toprise.schemas.events.SlaViolated;
import com.toprise.schemas.events.UserCreated;
import com.toprise.schemas.events.UserUpdated;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.schemas.geo.Location;
import com.toprise.schemas.serde.JsonSerde;
import com.toprise.schemas.topics.Topics;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/** One realistic event of every type; the exhaustive switch makes a new type without a sample fail to compile. */
final class SampleEvents {

    static final Instant T = Instant.parse("2026-11-25T10:15:30Z");
    /** MG Road, Bengaluru: the customer's delivery point. */
    static final GeoPoint MG_ROAD = new GeoPoint(12.9756, 77.6050);
    /** Rao Motors on Residency Road, about a kilometre from MG Road. */
    static final GeoPoint RESIDENCY_ROAD = new GeoPoint(12.9667, 77.6010);
    static final Instant ACCEPT_BY = T.plusSeconds(30 * 60);

    private SampleEvents() {
    }

    static Object payload(EventType type) {
        return switch (type) {
            case USER_CREATED -> new UserCreated("u-1", "asha@example.in", "Asha Rao", "+919800000001",
                    UserCreated.Role.CUSTOMER, T);
            case USER_UPDATED -> new UserUpdated("u-1", "dealer@example.in", "Rao Motors", UserCreated.Role.DEALER,
                    false, List.of("brakes", "brake-pads"), T);
            case CATEGORY_UPDATED -> new CategoryUpdated("brake-pads", "Brake pads", "brakes",
                    CategoryUpdated.Level.SUBCATEGORY, true, T);
            case ADDRESS_UPDATED -> new AddressUpdated("addr-1", "u-1", "14, Brigade Towers", "MG Road",
                    "Bengaluru", "Karnataka", "560001", false, Location.geocoded(MG_ROAD), "Asha Rao",
                    "+919800000001", T);
            case PINCODE_UPDATED -> new PincodeUpdated("560001", "Bengaluru", "Karnataka", true, T);
            case ORDER_CREATED -> new OrderCreated("o-1", "u-1",
                    List.of(new OrderCreated.Line("BRK-PAD-001", 2, new BigDecimal("1499.00"),
                                    CategoryIds.path("Brakes", "Pads", "Disc")),
                            new OrderCreated.Line("OIL-FLT-204", 1, new BigDecimal("349.50"),
                                    CategoryIds.path("Filters", "Oil Filters"))),
                    new BigDecimal("3347.50"), "INR", "addr-1", "560001", MG_ROAD);
            case ORDER_STATUS_CHANGED -> new OrderStatusChanged("o-1", OrderStatusChanged.OrderStatus.CREATED,
                    OrderStatusChanged.OrderStatus.REJECTED, "dealer out of stock");
            case ORDER_VALIDATED -> new OrderValidated("o-1", OrderValidated.Result.CONFIRMED, List.of(
                    new OrderValidated.LineOutcome("BRK-PAD-001", 2,
                            List.of(new OrderValidated.Allocation("d-7", 2)), null, 8),
                    new OrderValidated.LineOutcome("OIL-FLT-204", 3, List.of(new OrderValidated.Allocation("d-7", 1),
                            new OrderValidated.Allocation("d-9", 2)), null, 3)),
                    List.of(new FulfilmentShare("o-1-1", "d-7", List.of(new FulfilmentShare.Line("BRK-PAD-001", 2),
                                    new FulfilmentShare.Line("OIL-FLT-204", 1)), ACCEPT_BY),
                            new FulfilmentShare("o-1-2", "d-9", List.of(new FulfilmentShare.Line("OIL-FLT-204", 2)),
                                    ACCEPT_BY)));
            case PRODUCT_UPDATED -> new ProductUpdated("p-1", "BRK-PAD-001", "Ceramic brake pad set", "Bosch",
                    "Brakes", "Pads", "Disc", ProductUpdated.ProductStatus.LIVE, new BigDecimal("1499.00"),
                    CategoryIds.path("Brakes", "Pads", "Disc"));
            case INVENTORY_CHANGED -> new InventoryChanged("BRK-PAD-001", "d-7", 10, 2, 8, -2,
                    InventoryChanged.Reason.RESERVED);
            case PAYMENT_RECEIVED -> new PaymentReceived("pay-1", "o-1", new BigDecimal("3347.50"), "INR",
                    PaymentReceived.Method.UPI, "razorpay", "pay_N1abcDEF23gh45");
            case SLA_VIOLATED -> new SlaViolated("o-1", "d-7", SlaViolated.SlaType.DISPATCH, T, T.plusSeconds(1800),
                    30);
            case DEALER_UPDATED -> new DealerUpdated("d-7", "Rao Motors", "+919800000007", true,
                    List.of("brakes", "filters-oil-filters"), "12, Residency Road, Bengaluru 560025", "560025",
                    Location.geocoded(RESIDENCY_ROAD), List.of("560001", "560025"), 8.0,
                    List.of(new DealerUpdated.WorkingHours(DayOfWeek.MONDAY, LocalTime.of(9, 30), LocalTime.of(19, 0)),
                            new DealerUpdated.WorkingHours(DayOfWeek.SATURDAY, LocalTime.of(10, 0),
                                    LocalTime.of(14, 0))), T);
            case FULFILMENT_UPDATED -> new FulfilmentUpdated("o-1-2", "o-1", "d-9", FulfilmentStatus.OFFERED,
                    FulfilmentStatus.DECLINED, List.of(new FulfilmentShare.Line("OIL-FLT-204", 2)), "d-9",
                    "out of stock at the counter", T.plusSeconds(240));
            case FULFILMENT_REASSIGNED -> new FulfilmentReassigned("o-1", "o-1-2", "d-9",
                    FulfilmentReassigned.Cause.DECLINED,
                    List.of(new FulfilmentShare("o-1-3", "d-4", List.of(new FulfilmentShare.Line("OIL-FLT-204", 2)),
                            T.plusSeconds(240 + 30 * 60))),
                    List.of(), T.plusSeconds(240));
        };
    }

    static String aggregateId(EventType type) {
        return switch (type) {
            case USER_CREATED, USER_UPDATED -> "u-1";
            case CATEGORY_UPDATED -> "brake-pads";
            case ADDRESS_UPDATED -> "addr-1";
            case PINCODE_UPDATED -> "560001";
            case PRODUCT_UPDATED -> "p-1";
            case INVENTORY_CHANGED -> Topics.inventoryKey("BRK-PAD-001", "d-7");
            case DEALER_UPDATED -> "d-7";
            case ORDER_CREATED, ORDER_STATUS_CHANGED, ORDER_VALIDATED, PAYMENT_RECEIVED, SLA_VIOLATED,
                 FULFILMENT_UPDATED, FULFILMENT_REASSIGNED -> "o-1";
        };
    }

    /** Stamped now, so the schema sees the sub-second instants real producers write. */
    static EventEnvelope<Object> envelope(EventType type) {
        return EventEnvelope.of(type, aggregateId(type), payload(type));
    }

    @SuppressWarnings("unchecked")
    static JsonSerde<EventEnvelope<Object>> serde(EventType type) {
        return (JsonSerde<EventEnvelope<Object>>) (JsonSerde<?>) JsonSerde.envelopeOf(type.payloadType());
    }

    static byte[] bytes(EventEnvelope<Object> envelope) {
        return serde(EventType.valueOf(envelope.type())).serialize("test", envelope);
    }
}
