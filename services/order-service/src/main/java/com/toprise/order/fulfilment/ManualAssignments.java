package com.toprise.order.fulfilment;

import com.toprise.common.access.Access;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.paging.MongoPages;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.order.order.Actor;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.FulfilmentUpdated;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The lines no eligible dealer took ({@code unassigned_lines}, one document per order): recorded from the
 * topology's reassignments, listed for Fulfillment-Admin oldest first, given to a dealer by hand (the request to
 * the topology leaves with the write that takes the lines off the list), and cleared when the order is cancelled.
 * Every write expects the version it read, so two admins cannot give the same units away twice.
 */
@Component
class ManualAssignments {

    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final OutboxWriter outbox;
    private final KnownDealers dealers;
    private final Clock clock = Clock.systemUTC();

    ManualAssignments(MongoTemplate mongo, OutboxWriter outbox, KnownDealers dealers) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.dealers = dealers;
    }

    /** Lines of the order wait for an admin (a reassignment found no dealer for them). */
    void await(String orderId, List<FulfilmentShare.Line> lines, Instant at) {
        if (!lines.isEmpty()) {
            change(orderId, waiting -> waiting.add(lines, at));
        }
    }

    /** The order was cancelled: none of its lines waits any more. */
    void clear(String orderId) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(orderId)), UnassignedLines.class)) {
            change(orderId, waiting -> waiting.cleared(clock.instant()));
        }
    }

    /** @return the request sent to the topology, which answers with a reassignment of cause MANUAL */
    FulfilmentUpdated assign(AssignRequest request, Access access) {
        if (dealers.find(request.dealerId()).filter(KnownDealer::active).isEmpty()) {
            throw InvalidRequestException.of("dealerId", "is not an active dealer");
        }
        UnassignedLines waiting = mongo.findById(request.orderId(), UnassignedLines.class);
        if (waiting == null) {
            throw new ResourceNotFoundException("unassigned lines of orders", request.orderId());
        }
        UnassignedLines.Assignment assignment = waiting.assign(request.dealerId(), request.shareLines(),
                Actor.of(access).label(), clock.instant());
        if (!outbox.update(sameVersion(waiting), fields(assignment.remaining()), UnassignedLines.class,
                assignment.request())) {
            throw new ConflictException("The waiting lines of order " + request.orderId() + " changed meanwhile; "
                    + "look again and retry.");
        }
        return assignment.request().payload();
    }

    PageResponse<UnassignedLines> waiting(PageQuery page) {
        return PageResponse.of(MongoPages.find(mongo, Query.query(Criteria.where("waiting").is(true)),
                UnassignedLines.class, page), lines -> lines);
    }

    /** A change without events: written without touching the outbox, so nothing is routed again. */
    private void change(String orderId, UnaryOperator<UnassignedLines> step) {
        for (int attempt = 1; ; attempt++) {
            UnassignedLines read = mongo.findById(orderId, UnassignedLines.class);
            UnassignedLines before = read == null ? UnassignedLines.none(orderId, clock.instant()) : read;
            try {
                // matches the version read, or inserts the first one; a document written meanwhile makes the
                // upsert try a second document with the same id, which the store refuses
                mongo.upsert(sameVersion(before), fields(step.apply(before)), UnassignedLines.class);
                return;
            } catch (DuplicateKeyException changedMeanwhile) {
                // read it again
            }
            if (attempt == ATTEMPTS) {
                throw new ConflictException("The waiting lines of order " + orderId + " kept changing meanwhile.");
            }
        }
    }

    private static Query sameVersion(UnassignedLines read) {
        return Query.query(Criteria.where("_id").is(read.orderId()).and("version").is(read.version()));
    }

    private static Update fields(UnassignedLines next) {
        return new Update().set("lines", next.lines()).set("waiting", next.waiting())
                .set("manualAssignments", next.manualAssignments()).set("since", next.since())
                .set("updatedAt", next.updatedAt()).set("version", next.version() + 1);
    }
}
