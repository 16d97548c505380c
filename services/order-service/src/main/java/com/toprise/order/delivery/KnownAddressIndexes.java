package com.toprise.order.delivery;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

/**
 * {@code known_addresses} is read by address id only ({@link DeliveryAddresses#check}; the owner is compared after
 * the read): no other index.
 */
@Component
class KnownAddressIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("known_addresses");
    }
}
