package com.toprise.order.order;

import com.toprise.common.access.Access;
import com.toprise.common.access.Scope;
import com.toprise.common.web.ForbiddenException;
import com.toprise.schemas.events.UserCreated.Role;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Which orders the caller's scope on {@code orders} covers. ALL covers every order. OWN depends on how the role
 * takes part in an order: a buyer's own orders are those it placed ({@code customerId}); a dealer buys nothing, its
 * own orders are those holding its stock, i.e. with a line allocated to it ({@code dealerIds}, written from the
 * allocations with the CONFIRMED verdict, joined by the dealers lines are reassigned to; a rejected order
 * reserves nothing and lists no dealer). The list and the single read both ask this class, so a dealer can never
 * read one order it cannot find in its list.
 */
final class OrdersInScope {

    /** Whose orders an OWN scope covers. */
    private enum Owner { EVERYONE, BUYER, DEALER }

    private final Owner owner;
    private final String callerId;

    private OrdersInScope(Owner owner, String callerId) {
        this.owner = owner;
        this.callerId = callerId;
    }

    static OrdersInScope of(Access access) {
        if (access.seesAll()) {
            return new OrdersInScope(Owner.EVERYONE, null);
        }
        return new OrdersInScope(isDealer(access) ? Owner.DEALER : Owner.BUYER, access.userId());
    }

    /**
     * The filter of the order list. Only ALL may ask for one customer's orders; under OWN a requested customerId is
     * ignored (as it always was for customers), since the scope already decides whose orders these are.
     */
    Criteria criteria(String requestedCustomerId) {
        return switch (owner) {
            case EVERYONE -> requestedCustomerId == null ? new Criteria()
                    : Criteria.where("customerId").is(requestedCustomerId);
            case BUYER -> Criteria.where("customerId").is(callerId);
            // dealerIds is an array: equality matches an order listing the dealer among others
            case DEALER -> Criteria.where("dealerIds").is(callerId);
        };
    }

    /** Whether one order read by id is in scope; an order that is not is answered 404, like a missing one. */
    boolean covers(Order order) {
        return switch (owner) {
            case EVERYONE -> true;
            case BUYER -> callerId.equals(order.customerId());
            case DEALER -> order.dealerIds() != null && order.dealerIds().contains(callerId);
        };
    }

    /**
     * Placing an order creates one the caller buys, allocated to no dealer yet. Write ALL allows it; write OWN
     * allows it for a buyer, whose own orders are those it places, but not for a dealer, whose own orders are those
     * allocated to it: a new order is not one of them. So a dealer places orders only where the matrix gives it
     * write ALL on orders, explicitly, and never by the OWN it holds to act on its allocated orders.
     */
    static void checkMayPlace(Access access) {
        if (access.scope() == Scope.ALL || access.scope() == Scope.OWN && !isDealer(access)) {
            return;
        }
        throw new ForbiddenException("The role " + access.role() + " may not place orders"
                + (isDealer(access) ? ": a dealer's own orders are those allocated to it, not new ones." : "."));
    }

    /**
     * A dealer does not cancel orders, whatever its scope: it declines its fulfilment, and the lines go to the next
     * dealer rather than the whole order ending. Which orders the others may cancel is {@link #covers}'s answer.
     */
    static void checkMayCancel(Access access) {
        if (isDealer(access)) {
            throw new ForbiddenException("A dealer may not cancel orders: decline the fulfilment instead.");
        }
    }

    private static boolean isDealer(Access access) {
        return Role.DEALER.name().equals(access.role());
    }
}
