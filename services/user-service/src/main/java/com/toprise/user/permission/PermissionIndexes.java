package com.toprise.user.permission;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

import static com.toprise.common.mongo.IndexKey.asc;

/**
 * The indexes of {@code permissions}: the matrix filtered by role, by resource or both, sorted by either. The
 * publication reads the whole matrix, and a change reads its cell by id ({@code role:resource}).
 */
@Component
class PermissionIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("permissions")
                .index("one role's cells by resource, both, and the matrix by role", asc("role"), asc("resource"))
                .index("one resource's cells by role, and the matrix by resource", asc("resource"), asc("role"));
    }
}
