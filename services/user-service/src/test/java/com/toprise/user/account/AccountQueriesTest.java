package com.toprise.user.account;

import com.toprise.common.access.Access;
import com.toprise.common.access.Action;
import com.toprise.common.access.Scope;
import com.toprise.common.test.IndexedMongo;
import com.toprise.schemas.events.UserCreated.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every query of the account repository as its callers run it: login and sign-up by email, the Super-admin check,
 * one role's and the staff's lists by each sortable field, the deactivated accounts; on the indexed store.
 */
class AccountQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("users");

    private static final Access ADMIN = new Access(null, "dealers", Action.READ, Scope.ALL);

    private UserAccountRepository accounts;

    @BeforeEach
    void accounts() {
        accounts = store.repository(UserAccountRepository.class);
        accounts.insert(account("u-1", "asha@example.com", Role.CUSTOMER, true));
        accounts.insert(account("u-2", "ravi@example.com", Role.DEALER, true));
        accounts.insert(account("u-3", "meera@example.com", Role.EMPLOYEE, false));
        accounts.insert(account("u-4", "root@example.com", Role.SUPER_ADMIN, true));
    }

    @Test
    void loginSignUpAndTheSuperAdminCheckUseTheEmailAndRole() {
        assertThat(accounts.findByEmail("asha@example.com")).isPresent();
        assertThat(accounts.unusedEmail("New@Example.com")).isEqualTo("new@example.com");
        assertThatThrownBy(() -> accounts.unusedEmail("ASHA@example.com")).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> accounts.insert(account("u-5", "asha@example.com", Role.CUSTOMER, true)))
                .as("the unique index refuses what the check let through").isInstanceOf(DuplicateKeyException.class);
        assertThat(accounts.existsByRole(Role.SUPER_ADMIN)).isTrue();
        assertThat(accounts.findDeactivated()).extracting(UserAccountRepository.IdOnly::id).containsExactly("u-3");
    }

    @Test
    void roleListsAreServedInEachSort() {
        for (String field : new String[] {"createdAt", "email", "name"}) {
            PageRequest page = PageRequest.of(0, 20, Sort.by(Direction.DESC, field));
            assertThat(accounts.findByRole(Role.CUSTOMER, page).getContent()).hasSize(1);
            assertThat(accounts.findByRoleIn(UserAccount.STAFF, page).getContent()).hasSize(2);
            assertThat(new AccountsInScope(accounts).list(Role.DEALER, ADMIN, page).getContent()).hasSize(1);
        }
    }

    private static UserAccount account(String id, String email, Role role, boolean active) {
        Instant now = Instant.now();
        return new UserAccount(id, email, "hash", id, null, role, active, null, null, now, now);
    }
}
