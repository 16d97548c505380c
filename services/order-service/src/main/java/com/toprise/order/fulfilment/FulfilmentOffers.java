package com.toprise.order.fulfilment;

import com.toprise.order.order.Actor;
import com.toprise.order.order.Order;
import com.toprise.order.order.OrderLifecycle;
import com.toprise.order.order.OrderLine;
import com.toprise.schemas.events.FulfilmentReassigned;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;
import com.toprise.schemas.events.OrderValidated;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the topology's assignments into fulfilments offered to their dealers: every share of a confirmed verdict,
 * and the new shares of a reassignment (whose replaced fulfilment ends DECLINED or EXPIRED, whose dealers join the
 * order, and whose lines no dealer took wait for Fulfillment-Admin). A fulfilment is inserted only when its id is
 * new, so a verdict or reassignment delivered again offers nothing twice.
 */
@Component
class FulfilmentOffers {

    private static final String TOPOLOGY = Actor.system("inventory").label();

    private final MongoTemplate mongo;
    private final FulfilmentStore store;
    private final FulfilmentSteps steps;
    private final OrderLifecycle lifecycle;
    private final ManualAssignments manual;
    private final Clock clock = Clock.systemUTC();

    FulfilmentOffers(MongoTemplate mongo, FulfilmentStore store, FulfilmentSteps steps, OrderLifecycle lifecycle,
                     ManualAssignments manual) {
        this.mongo = mongo;
        this.store = store;
        this.steps = steps;
        this.lifecycle = lifecycle;
        this.manual = manual;
    }

    /**
     * One read of the batch's orders (for the customer and the products' names) and one bulk write.
     *
     * @return how many fulfilments were new
     */
    int offer(List<OrderValidated> verdicts) {
        List<OrderValidated> confirmed = verdicts.stream()
                .filter(v -> v.result() == OrderValidated.Result.CONFIRMED && v.fulfilments() != null
                        && !v.fulfilments().isEmpty()).toList();
        if (confirmed.isEmpty()) {
            return 0;
        }
        Map<String, Order> orders = orders(confirmed.stream().map(OrderValidated::orderId).toList());
        Instant now = clock.instant();
        List<Fulfilment> offered = new ArrayList<>();
        for (OrderValidated verdict : confirmed) {
            verdict.fulfilments().forEach(share -> offered.add(offered(share, verdict.orderId(),
                    orders.get(verdict.orderId()), now)));
        }
        return store.offer(offered);
    }

    void reassigned(FulfilmentReassigned reassignment) {
        Instant now = clock.instant();
        String orderId = reassignment.orderId();
        switch (reassignment.cause()) {
            case DECLINED -> end(reassignment.replacedFulfilmentId(),
                    f -> f.status() == FulfilmentStatus.OFFERED ? f.decline(TOPOLOGY, "declined", now)
                            : Transition.none(f));
            case ACCEPTANCE_TIMEOUT -> end(reassignment.replacedFulfilmentId(),
                    f -> f.status() == FulfilmentStatus.OFFERED || f.status() == FulfilmentStatus.ACCEPTED
                            ? f.expire(now) : Transition.none(f));
            // the replaced id of a manual assignment is the admin's request, which never was a fulfilment
            case MANUAL -> { }
        }
        List<FulfilmentShare> shares = reassignment.shares() == null ? List.of() : reassignment.shares();
        if (!shares.isEmpty()) {
            Order order = mongo.findById(orderId, Order.class);
            store.offer(shares.stream().map(share -> offered(share, orderId, order, now)).toList());
            lifecycle.addDealers(orderId, shares.stream().map(FulfilmentShare::dealerId).distinct().toList());
        }
        if (reassignment.unassigned() != null) {
            manual.await(orderId, reassignment.unassigned(), now);
        }
    }

    private void end(String fulfilmentId, Function<Fulfilment, Transition> step) {
        if (store.find(fulfilmentId).isPresent()) {
            steps.run(fulfilmentId, step);
        }
    }

    private Map<String, Order> orders(List<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Order.class).stream()
                .collect(Collectors.toMap(Order::id, Function.identity()));
    }

    private static Fulfilment offered(FulfilmentShare share, String orderId, Order order, Instant at) {
        Map<String, String> names = new HashMap<>();
        if (order != null) {
            for (OrderLine line : order.lines()) {
                names.putIfAbsent(line.sku(), line.name());
            }
        }
        return Fulfilment.offered(share, orderId, order == null ? null : order.customerId(), names, at);
    }
}
