package com.toprise.user.address;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

import static com.toprise.common.mongo.IndexKey.asc;
import static com.toprise.common.mongo.IndexKey.desc;

/**
 * The indexes of {@code addresses}: a user's addresses, newest first, and their count. A user keeps at most
 * {@link AddressBook#MAX_PER_USER}, so the list's other sorts (label, city) sort those few in memory.
 */
@Component
class AddressIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("addresses")
                .index("a user's addresses, newest first, and how many", asc("userId"), desc("createdAt"))
                .bounded("userId", "a user keeps at most " + AddressBook.MAX_PER_USER + " addresses");
    }
}
