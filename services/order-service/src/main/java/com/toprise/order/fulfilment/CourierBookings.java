package com.toprise.order.fulfilment;

import com.toprise.order.courier.Deliveries;
import com.toprise.order.courier.DeliveryRequest;
import com.toprise.order.courier.Stop;
import com.toprise.order.delivery.Destination;
import com.toprise.order.order.Order;
import com.toprise.schemas.geo.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Books the courier for a packed fulfilment: pickup at its dealer (the copy of the dealer's profile), drop at the
 * order's destination. A booking that fails leaves the fulfilment PACKED with the error recorded, for an admin to
 * retry ({@code POST /api/dealer/fulfilments/{id}/book}); the parcel is packed either way, so the dealer's step
 * never fails for the courier's sake.
 */
@Component
class CourierBookings {

    private static final Logger log = LoggerFactory.getLogger(CourierBookings.class);

    private final Deliveries deliveries;
    private final KnownDealers dealers;
    private final MongoTemplate mongo;
    private final FulfilmentSteps steps;
    private final Clock clock = Clock.systemUTC();

    CourierBookings(Deliveries deliveries, KnownDealers dealers, MongoTemplate mongo, FulfilmentSteps steps) {
        this.deliveries = deliveries;
        this.dealers = dealers;
        this.mongo = mongo;
        this.steps = steps;
    }

    /** @return the fulfilment with the booking's outcome */
    Fulfilment book(Fulfilment packed) {
        try {
            deliveries.book(request(packed));
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("the courier could not be booked for fulfilment {}: {}", packed.id(), error);
            return steps.run(packed.id(), f -> f.bookingFailed(error, clock.instant()));
        }
        return steps.run(packed.id(), f -> f.booked(clock.instant()));
    }

    private DeliveryRequest request(Fulfilment packed) {
        KnownDealer dealer = dealers.find(packed.dealerId()).orElseThrow(() -> new IllegalStateException(
                "dealer " + packed.dealerId() + " has no profile here yet (DEALER_UPDATED not received)"));
        Order order = mongo.findById(packed.orderId(), Order.class);
        if (order == null || order.delivery() == null) {
            throw new IllegalStateException("order " + packed.orderId() + " has no destination");
        }
        GeoPoint from = dealer.location() == null ? null : dealer.location().point();
        Stop pickup = new Stop(dealer.address(), from == null ? null : from.latitude(),
                from == null ? null : from.longitude(), dealer.name(), dealer.phone(),
                "Fulfilment " + packed.id() + ", " + packed.lines().size() + " line(s)");
        Destination to = order.delivery();
        Stop drop = new Stop(oneLine(to), to.location() == null ? null : to.location().latitude(),
                to.location() == null ? null : to.location().longitude(), to.contactName(), to.contactPhone(), null);
        // nothing to collect at the door: cash on delivery is not offered (payments come with their own issue)
        return new DeliveryRequest(packed.id(), packed.orderId(), pickup, drop, packed.parcel().weightKg(),
                BigDecimal.ZERO);
    }

    private static String oneLine(Destination to) {
        String address = Stream.of(to.line1(), to.line2(), to.city(), to.state(), to.pincode())
                .filter(Objects::nonNull).filter(part -> !part.isBlank()).collect(Collectors.joining(", "));
        return address.isEmpty() ? null : address;
    }
}
