package com.toprise.order.order;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/** How intake answers, from {@code POST /api/orders} and from a cart's checkout alike. */
public final class OrderResponses {

    private OrderResponses() {
    }

    /** 201 with the new order and its Location; 200 with {@code Idempotent-Replayed: true} for a retry. */
    public static ResponseEntity<Order> of(Placement placement) {
        if (placement.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(placement.order());
        }
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/orders/" + placement.order().id()))
                .body(placement.order());
    }
}
