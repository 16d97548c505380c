package com.toprise.order.courier;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

/**
 * {@code borzo_callbacks} is written and removed by {@code _id} alone (the de-duplication key), so it needs no
 * index besides that unique one.
 */
@Component
class ReceivedCallbackIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("borzo_callbacks");
    }
}
