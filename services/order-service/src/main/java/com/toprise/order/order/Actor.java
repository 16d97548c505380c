package com.toprise.order.order;

import com.toprise.common.access.Access;
import com.toprise.schemas.events.UserCreated.Role;

import java.util.Objects;

/**
 * Who moves an order, as its history records it ({@code "BUYER:u-1"}, {@code "STAFF:u-9"}, {@code "DEALER:d-3"},
 * {@code "SYSTEM:inventory"}). The kind decides which moves of {@link OrderState}'s table are open to it; the id
 * only tells people later who it was.
 */
public record Actor(Kind kind, String id) {

    /** The parts an order's parties play in its lifecycle. */
    public enum Kind { BUYER, STAFF, DEALER, SYSTEM }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /**
     * The caller of a request as an actor, by the same reading of the scope as {@link OrdersInScope}: a dealer is a
     * dealer whatever its scope; anyone else acting on every order (scope ALL) is staff; the rest act on the orders
     * they placed, as buyers.
     */
    public static Actor of(Access access) {
        if (Role.DEALER.name().equals(access.role())) {
            return new Actor(Kind.DEALER, access.userId());
        }
        return new Actor(access.seesAll() ? Kind.STAFF : Kind.BUYER, access.userId());
    }

    /** A part of the platform acting on its own, named for the history: {@code system("inventory")}. */
    public static Actor system(String component) {
        return new Actor(Kind.SYSTEM, component);
    }

    /** How the history and the logs name it: {@code KIND:id}. */
    public String label() {
        return kind + ":" + id;
    }
}
