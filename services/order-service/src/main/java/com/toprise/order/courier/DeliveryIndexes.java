package com.toprise.order.courier;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

import static com.toprise.common.mongo.IndexKey.asc;

/**
 * The indexes of {@code deliveries}: bookings read and write by {@code _id} (the fulfilment id); a callback finds
 * its delivery by Borzo's order id, or by one of the Borzo orders of earlier, cancelled bookings (multikey). Not
 * unique: a claim has no Borzo order id yet, and a unique index would allow only one such claim at a time.
 */
@Component
class DeliveryIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("deliveries")
                .index("a callback's delivery, by Borzo's order id", asc("borzoOrderId"))
                .index("a late callback of a cancelled earlier booking", asc("cancelledBorzoOrderIds"));
    }
}
