package com.toprise.user.account;

import com.toprise.common.access.Access;
import com.toprise.common.access.Action;
import com.toprise.common.access.Scope;
import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.events.UserCreated.Role;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

import java.util.List;
import java.util.Optional;

import static com.toprise.user.account.TestAccounts.customer;
import static com.toprise.user.account.TestAccounts.dealer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The dealer (and customer) scope filter, against a repository stand-in: no database. */
class AccountsInScopeTest {

    private static final Pageable FIRST_PAGE = PageRequest.of(0, 20);

    private final UserAccountRepository accounts = mock(UserAccountRepository.class);
    private final AccountsInScope inScope = new AccountsInScope(accounts);

    @Test
    void aDealerWithOwnScopeListsOnlyItself() {
        given(accounts.findById("d-1")).willReturn(Optional.of(dealer("d-1")));
        Page<UserAccount> page = inScope.list(Role.DEALER, access("d-1", "DEALER", Scope.OWN), FIRST_PAGE);
        assertThat(page.getContent()).extracting(UserAccount::id).containsExactly("d-1");
        assertThat(page.getTotalElements()).isEqualTo(1);
        verify(accounts, never()).findByRole(any(), any());
    }

    @Test
    void ownScopeOfAnotherRoleListsNothing() {
        given(accounts.findById("c-1")).willReturn(Optional.of(customer("c-1")));
        assertThat(inScope.list(Role.DEALER, access("c-1", "CUSTOMER", Scope.OWN), FIRST_PAGE)).isEmpty();
    }

    @Test
    void allScopeListsEveryAccountOfTheRole() {
        Page<UserAccount> all = new PageImpl<>(List.of(dealer("d-1"), dealer("d-2")), FIRST_PAGE, 2);
        given(accounts.findByRole(Role.DEALER, FIRST_PAGE)).willReturn(all);
        assertThat(inScope.list(Role.DEALER, access("u-admin", "SUPER_ADMIN", Scope.ALL), FIRST_PAGE)).isSameAs(all);
    }

    @Test
    void anotherDealersAccountIsMissingAndNeverLookedUp() {
        assertThatThrownBy(() -> inScope.get(Role.DEALER, "d-2", access("d-1", "DEALER", Scope.OWN)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("dealers 'd-2' does not exist.");
        verify(accounts, never()).findById("d-2");
    }

    @Test
    void anAccountOfAnotherRoleIsMissingEvenWithAllScope() {
        given(accounts.findById("c-1")).willReturn(Optional.of(customer("c-1")));
        assertThatThrownBy(() -> inScope.get(Role.DEALER, "c-1", access("u-admin", "SUPER_ADMIN", Scope.ALL)))
                .isInstanceOf(ResourceNotFoundException.class);
        given(accounts.findById("d-2")).willReturn(Optional.of(dealer("d-2")));
        assertThat(inScope.get(Role.DEALER, "d-2", access("u-admin", "SUPER_ADMIN", Scope.ALL)).id()).isEqualTo("d-2");
    }

    private static Access access(String userId, String role, Scope scope) {
        return new Access(new Identity(userId, role), "dealers", Action.READ, scope);
    }
}
