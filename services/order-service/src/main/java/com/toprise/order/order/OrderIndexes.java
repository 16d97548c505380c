package com.toprise.order.order;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

import static com.toprise.common.mongo.IndexKey.asc;
import static com.toprise.common.mongo.IndexKey.desc;

/**
 * The indexes of {@code orders}: the order list ({@link OrderSearch}) in each scope (every order, a customer's, a
 * dealer's through the array {@code dealerIds}, a multikey index), alone or with one status, newest first, with the
 * placed-within range on createdAt last. Intake and validation read and write by {@code _id}. Every index is paid
 * for on every order write, so the list's rarer sorts (updatedAt, totalAmount) have none: an index check in the
 * tests would refuse them, and an admin report sorted so belongs to the orders index in Elasticsearch.
 */
@Component
class OrderIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("orders")
                .index("a customer's orders (scope OWN, or one customer's for admins), newest first",
                        asc("customerId"), desc("createdAt"))
                .index("a customer's orders of one status, newest first", asc("customerId"), asc("status"),
                        desc("createdAt"))
                .index("every order of one status (fulfilment queues), and every order sorted by status",
                        asc("status"), desc("createdAt"))
                .index("every order, newest first or within [from, to)", desc("createdAt"))
                .index("the orders with a line allocated to a dealer (a dealer's scope OWN, OrdersInScope), newest first",
                        asc("dealerIds"), desc("createdAt"))
                .index("a dealer's orders of one status (what it has to ship), newest first", asc("dealerIds"),
                        asc("status"), desc("createdAt"));
    }
}
