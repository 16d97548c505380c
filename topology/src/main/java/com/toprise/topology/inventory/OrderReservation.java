package com.toprise.topology.inventory;

import java.util.List;

/**
 * What the topology did with an order, kept per orderId so that every later event of the order (and every
 * redelivery of an earlier one) is answered from it: a duplicate ORDER_CREATED reserves nothing twice, a release
 * or a shipment happens once.
 */
record OrderReservation(String orderId, State state, List<Held> held) {

    enum State { RESERVED, REJECTED, RELEASED, SHIPPED }

    /** Units of one SKU held at one dealer for this order. */
    record Held(String sku, String dealerId, long quantity) {
    }

    boolean isOpen() {
        return state == State.RESERVED;
    }

    OrderReservation closed(State to) {
        return new OrderReservation(orderId, to, held);
    }
}
