package com.toprise.user.account;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

import static com.toprise.common.mongo.IndexKey.asc;
import static com.toprise.common.mongo.IndexKey.desc;

/**
 * The indexes of {@code users}: the login name (unique, so two sign-ups racing with one email cannot both pass
 * {@link UserAccountRepository#unusedEmail}), the lists of one role or of the staff roles by each sortable field
 * (newest first by default), and the deactivated accounts every service refuses.
 */
@Component
class UserAccountIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("users")
                .unique("login and the sign-up check by email", asc("email"))
                .index("one role's accounts (customers, dealers, staff), newest first; whether a Super-admin exists",
                        asc("role"), desc("createdAt"))
                .index("one role's accounts by email", asc("role"), asc("email"))
                .index("one role's accounts by name", asc("role"), asc("name"))
                .index("the deactivated accounts published with the permission matrix", asc("active"));
    }
}
