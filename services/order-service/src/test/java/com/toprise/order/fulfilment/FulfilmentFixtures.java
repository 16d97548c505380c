package com.toprise.order.fulfilment;

import com.toprise.order.delivery.Destination;
import com.toprise.order.order.Order;
import com.toprise.order.order.OrderLine;
import com.toprise.order.order.OrderState;
import com.toprise.order.order.StatusChange;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;
import com.toprise.schemas.geo.GeoPoint;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Orders and fulfilments for the tests of this package: order o-1 of asha for 2 × BRK-1 and 1 × OIL-5, shared by
 * dealers d-1 and d-2; fulfilments built in any status as the transitions would have left them.
 */
final class FulfilmentFixtures {

    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    static final Parcel PARCEL = new Parcel(1.5, 30.0, 20.0, 10.0);

    private FulfilmentFixtures() {
    }

    static Order order(String id, String customerId, OrderState state) {
        Destination destination = new Destination("addr-" + customerId, "411001", "Pune", "Maharashtra",
                "12 FC Road", null, "Asha Rao", "+919800000001", new GeoPoint(18.5204, 73.8567));
        return new Order(id, customerId, state, List.of(line("BRK-1", 2), line("OIL-5", 1)), new BigDecimal("30.00"),
                "INR", destination, List.of("d-1", "d-2"),
                List.of(new StatusChange(null, OrderState.CREATED, "BUYER:" + customerId, T, null),
                        new StatusChange(OrderState.CREATED, OrderState.CONFIRMED, "SYSTEM:inventory",
                                T.plusSeconds(1), null)), "f", T, T);
    }

    static OrderLine line(String sku, int quantity) {
        return new OrderLine(sku, "p-" + sku, "Part " + sku, quantity, BigDecimal.TEN,
                BigDecimal.TEN.multiply(BigDecimal.valueOf(quantity)), List.of(), null, null, List.of());
    }

    static FulfilmentShare share(String id, String dealerId, FulfilmentShare.Line... lines) {
        return new FulfilmentShare(id, dealerId, List.of(lines), T.plus(Duration.ofMinutes(30)));
    }

    static FulfilmentShare.Line units(String sku, int quantity) {
        return new FulfilmentShare.Line(sku, quantity);
    }

    /** Offered to d-1: 2 × BRK-1 of order o-1. */
    static Fulfilment offered() {
        return Fulfilment.offered(share("o-1-1", "d-1", units("BRK-1", 2)), "o-1", "asha",
                Map.of("BRK-1", "Part BRK-1"), T);
    }

    /**
     * A fulfilment of {@code dealerId} for these lines in {@code status}, its lines as far as the status takes them
     * (an accepted one's lines picked, so it can be packed) and a parcel once packed.
     */
    static Fulfilment in(FulfilmentStatus status, String id, String dealerId, FulfilmentShare.Line... lines) {
        List<FulfilmentLine> made = new ArrayList<>();
        for (FulfilmentShare.Line line : lines) {
            FulfilmentLine l = FulfilmentLine.offered(line.sku(), "Part " + line.sku(), line.quantity());
            for (LineStatus step : stepsOf(status)) {
                l = l.moveTo(step, T);
            }
            made.add(l);
        }
        boolean packed = List.of(FulfilmentStatus.PACKED, FulfilmentStatus.SHIPPED, FulfilmentStatus.DELIVERED)
                .contains(status);
        return new Fulfilment(id, "o-1", "asha", dealerId, status, made, T.plusSeconds(1800), packed ? PARCEL : null,
                null, List.of(), T, T, 3);
    }

    static Fulfilment in(FulfilmentStatus status) {
        return in(status, "o-1-1", "d-1", units("BRK-1", 2));
    }

    private static List<LineStatus> stepsOf(FulfilmentStatus status) {
        return switch (status) {
            case OFFERED, DECLINED, EXPIRED -> List.of();
            case ACCEPTED -> List.of(LineStatus.ASSIGNED, LineStatus.PICKED);
            case PACKED -> List.of(LineStatus.ASSIGNED, LineStatus.PICKED, LineStatus.PACKED);
            case SHIPPED -> List.of(LineStatus.ASSIGNED, LineStatus.PICKED, LineStatus.PACKED, LineStatus.SHIPPED);
            case DELIVERED -> List.of(LineStatus.ASSIGNED, LineStatus.PICKED, LineStatus.PACKED, LineStatus.SHIPPED,
                    LineStatus.DELIVERED);
            case CANCELLED -> List.of(LineStatus.CANCELLED);
        };
    }
}
