package com.toprise.order.fulfilment;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

/** {@code known_dealers} is keyed by the dealer id and read by it only ({@link KnownDealers}): no other index. */
@Component
class KnownDealerIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("known_dealers");
    }
}
