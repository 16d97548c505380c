package com.toprise.order.returnreason;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

import static com.toprise.common.mongo.IndexKey.asc;

/** The indexes of {@code return_reasons}: keyed by code; the list sorts by code ({@code _id}) or label. */
@Component
class ReturnReasonIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("return_reasons")
                .index("the list by label", asc("label"));
    }
}
