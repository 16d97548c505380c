package com.toprise.user.permission;

import com.toprise.common.access.Scope;
import com.toprise.common.test.IndexedMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matrix's reads as the permission list and the publication run them (by role, resource, both or neither, in
 * each sort; whole; one cell), on the indexed store.
 */
class PermissionQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("users");

    @Test
    void theMatrixIsReadByRoleByResourceAndWhole() {
        PermissionRepository permissions = store.repository(PermissionRepository.class);
        permissions.saveAll(List.of(entry("CUSTOMER", "orders"), entry("CUSTOMER", "addresses"),
                entry("DEALER", "orders")));

        for (String field : new String[] {"role", "resource"}) {
            PageRequest page = PageRequest.of(0, 20, Sort.by(Direction.ASC, field));
            assertThat(permissions.findByRole("CUSTOMER", page).getContent()).hasSize(2);
            assertThat(permissions.findByResource("orders", page).getContent()).hasSize(2);
            assertThat(permissions.findByRoleAndResource("DEALER", "orders", page).getContent()).hasSize(1);
            assertThat(permissions.findAll(page).getContent()).hasSize(3);
        }
        assertThat(permissions.findAll()).hasSize(3);
        assertThat(permissions.findById(PermissionEntry.idOf("DEALER", "orders"))).isPresent();
        assertThat(permissions.count()).isEqualTo(3);
    }

    private static PermissionEntry entry(String role, String resource) {
        return new PermissionEntry(PermissionEntry.idOf(role, resource), role, resource, Scope.OWN, Scope.OWN,
                Scope.NONE, Instant.now(), "seed");
    }
}
