package com.toprise.order.delivery;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

/** {@code known_pincodes} is keyed by the pincode and read by it only: no other index. */
@Component
class KnownPincodeIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("known_pincodes");
    }
}
