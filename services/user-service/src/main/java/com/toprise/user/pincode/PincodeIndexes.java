package com.toprise.user.pincode;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

import static com.toprise.common.mongo.IndexKey.asc;

/** The indexes of {@code pincodes}: keyed by the code; the list sorts by code ({@code _id}), city or state. */
@Component
class PincodeIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("pincodes")
                .index("the list by city", asc("city"))
                .index("the list by state", asc("state"));
    }
}
