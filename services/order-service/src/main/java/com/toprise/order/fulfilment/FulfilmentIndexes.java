package com.toprise.order.fulfilment;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

import static com.toprise.common.mongo.IndexKey.asc;
import static com.toprise.common.mongo.IndexKey.desc;

/**
 * The indexes of {@code fulfilments}: the dealer's list (its own, alone or of one status, newest first), the
 * admins' list (every one, alone or of one status), and an order's fulfilments, a handful per order (one per dealer
 * share), read whenever one of them moves so the order can follow.
 */
@Component
class FulfilmentIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("fulfilments")
                .index("a dealer's fulfilments (scope OWN), newest first", asc("dealerId"), desc("createdAt"))
                .index("a dealer's fulfilments of one status (what to accept, pick, pack), newest first",
                        asc("dealerId"), asc("status"), desc("createdAt"))
                .index("every fulfilment of one status (Fulfillment-Admin's queues), newest first", asc("status"),
                        desc("createdAt"))
                .index("every fulfilment, newest first", desc("createdAt"))
                .index("an order's fulfilments", asc("orderId"))
                .bounded("orderId", "an order has one fulfilment per dealer share, and a share per reassignment");
    }
}
