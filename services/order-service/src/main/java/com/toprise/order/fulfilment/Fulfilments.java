package com.toprise.order.fulfilment;

import com.toprise.common.access.Access;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.web.ForbiddenException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.order.order.Actor;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * The dealers' work on their fulfilments, and Fulfillment-Admin's on all of them: the scope of {@code fulfilments}
 * decides which (OWN: those assigned to the caller; another dealer's answers 404 like a missing one, so ids cannot
 * be probed). Each step is the aggregate's; this class only loads, checks the scope, and saves.
 */
@Service
public class Fulfilments {

    private final FulfilmentStore store;
    private final FulfilmentSteps steps;
    private final CourierBookings bookings;
    private final Clock clock = Clock.systemUTC();

    Fulfilments(FulfilmentStore store, FulfilmentSteps steps, CourierBookings bookings) {
        this.store = store;
        this.steps = steps;
        this.bookings = bookings;
    }

    public Fulfilment get(String id, Access access) {
        Fulfilment fulfilment = store.find(id).orElseThrow(() -> new ResourceNotFoundException("fulfilments", id));
        inScope(access).accept(fulfilment);
        return fulfilment;
    }

    /** The caller's fulfilments (or, with scope ALL, everyone's), optionally of one status. */
    public PageResponse<Fulfilment> list(FulfilmentStatus status, Access access, PageQuery page) {
        Criteria criteria = access.seesAll() ? new Criteria() : Criteria.where("dealerId").is(access.userId());
        if (status != null) {
            criteria.and("status").is(status);
        }
        return PageResponse.of(store.page(criteria, page), f -> f);
    }

    public Fulfilment accept(String id, Access access) {
        return steps.run(id, inScope(access), f -> f.accept(by(access), clock.instant()));
    }

    public Fulfilment decline(String id, String reason, Access access) {
        return steps.run(id, inScope(access), f -> f.decline(by(access), reason, clock.instant()));
    }

    public Fulfilment pick(String id, String sku, Access access) {
        return steps.run(id, inScope(access), f -> f.pick(sku, clock.instant()));
    }

    /** Packs the parcel, then books its courier; a failed booking is recorded on the packed fulfilment. */
    public Fulfilment pack(String id, Parcel parcel, Access access) {
        Fulfilment packed = steps.run(id, inScope(access), f -> f.pack(parcel, by(access), clock.instant()));
        return bookings.book(packed);
    }

    /** Fulfillment-Admin's retry of a courier booking that failed or that the courier cancelled. */
    public Fulfilment book(String id, Access access) {
        if (!access.seesAll()) {
            throw new ForbiddenException("Only Fulfillment-Admin books a courier by hand; a packed fulfilment is "
                    + "booked when it is packed.");
        }
        Fulfilment fulfilment = get(id, access);
        fulfilment.requireBookable();
        return bookings.book(fulfilment);
    }

    private static Consumer<Fulfilment> inScope(Access access) {
        return fulfilment -> access.checkOwner(fulfilment.dealerId(), fulfilment.id());
    }

    private static String by(Access access) {
        return Actor.of(access).label();
    }
}
