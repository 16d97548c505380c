package com.toprise.order.fulfilment;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

import static com.toprise.common.mongo.IndexKey.asc;

/**
 * The indexes of {@code unassigned_lines}: Fulfillment-Admin's list of the orders waiting for them, oldest first
 * ({@link ManualAssignments#waiting}); every other read and write is by order id.
 */
@Component
class UnassignedLineIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("unassigned_lines")
                .index("the orders waiting for Fulfillment-Admin, oldest first", asc("waiting"), asc("since"));
    }
}
