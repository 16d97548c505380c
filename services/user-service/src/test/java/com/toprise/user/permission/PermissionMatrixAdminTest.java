package com.toprise.user.permission;

import com.toprise.common.access.Action;
import com.toprise.common.access.InMemoryAccessControlStore;
import com.toprise.common.access.Scope;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.user.account.UserAccountRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Edits of the permission matrix: the Super-admin keeps reading and writing the matrix itself, every other cell is
 * data, and an accepted edit is published at once. Stand-ins for the store and Redis's lock.
 */
class PermissionMatrixAdminTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private final PermissionRepository permissions = mock(PermissionRepository.class);
    private final UserAccountRepository accounts = mock(UserAccountRepository.class);
    private final InMemoryAccessControlStore store = new InMemoryAccessControlStore();
    private final RedissonClient redis = mock(RedissonClient.class);
    private final PermissionMatrixAdmin admin = new PermissionMatrixAdmin(permissions, accounts, store, redis,
            new DefaultPermissions(List.of("permissions", "orders"), Map.of()));

    @BeforeEach
    void rows() throws InterruptedException {
        row("SUPER_ADMIN", "permissions");
        row("SUPER_ADMIN", "orders");
        row("FULFILLMENT_ADMIN", "permissions");
        given(permissions.save(any(PermissionEntry.class))).willAnswer(call -> call.getArgument(0));
        RLock lock = mock(RLock.class);
        given(lock.tryLock(anyLong(), anyLong(), any())).willReturn(true);
        given(redis.getLock("access-control:publish")).willReturn(lock);
        given(accounts.findDeactivated()).willReturn(List.of());
    }

    @Test
    void theSuperAdminCannotLoseReadOrWriteOnThePermissionMatrix() {
        for (PermissionChange losing : List.of(new PermissionChange(Scope.OWN, Scope.ALL, Scope.ALL),
                new PermissionChange(Scope.ALL, Scope.NONE, Scope.ALL), new PermissionChange(Scope.NONE, Scope.NONE, Scope.NONE))) {
            assertThatThrownBy(() -> admin.change("SUPER_ADMIN", "permissions", losing, "u-admin"))
                    .as("%s", losing).isInstanceOf(ConflictException.class);
        }
        verify(permissions, never()).save(any(PermissionEntry.class));
    }

    @Test
    void theSuperAdminMayLoseDeleteOnTheMatrixAndAnythingElsewhere() {
        assertThat(admin.change("SUPER_ADMIN", "permissions", new PermissionChange(Scope.ALL, Scope.ALL, Scope.NONE),
                "u-admin").delete()).isEqualTo(Scope.NONE);
        assertThat(admin.change("SUPER_ADMIN", "orders", new PermissionChange(Scope.NONE, Scope.NONE, Scope.NONE),
                "u-admin").read()).isEqualTo(Scope.NONE);
        assertThat(admin.change("FULFILLMENT_ADMIN", "permissions",
                new PermissionChange(Scope.NONE, Scope.NONE, Scope.NONE), "u-admin").updatedBy()).isEqualTo("u-admin");
    }

    @Test
    void anAcceptedEditIsPublishedAtOnce() {
        given(permissions.findAll()).willReturn(List.of(new PermissionEntry("FULFILLMENT_ADMIN:permissions",
                "FULFILLMENT_ADMIN", "permissions", Scope.ALL, Scope.NONE, Scope.NONE, AT, "u-admin")));
        admin.change("FULFILLMENT_ADMIN", "permissions", new PermissionChange(Scope.ALL, Scope.NONE, Scope.NONE), "u-admin");
        verify(redis).getLock("access-control:publish");
        assertThat(store.publishedMatrix().scope("FULFILLMENT_ADMIN", "permissions", Action.READ)).isEqualTo(Scope.ALL);
        assertThat(store.publishedMatrix().scope("FULFILLMENT_ADMIN", "permissions", Action.WRITE)).isEqualTo(Scope.NONE);
    }

    @Test
    void aRowThatDoesNotExistIs404() {
        given(permissions.findById("NOBODY:orders")).willReturn(Optional.empty());
        assertThatThrownBy(() -> admin.change("NOBODY", "orders", new PermissionChange(Scope.ALL, Scope.ALL, Scope.ALL), "u"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private void row(String role, String resource) {
        given(permissions.findById(PermissionEntry.idOf(role, resource))).willReturn(Optional.of(new PermissionEntry(
                PermissionEntry.idOf(role, resource), role, resource, Scope.ALL, Scope.ALL, Scope.ALL, AT, "seed")));
    }
}
