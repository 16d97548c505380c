package com.toprise.user.account;

import com.toprise.common.access.Access;
import com.toprise.common.web.ForbiddenException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.events.UserCreated.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The accounts of one role (dealers, customers) as the caller's scope lets it see them: every one with scope ALL,
 * otherwise only its own account, and only if it has that role. Someone else's account is answered like a
 * missing one, so account ids cannot be probed.
 */
@Component
public class AccountsInScope {

    private final UserAccountRepository accounts;

    AccountsInScope(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** A page of the role's accounts; with OWN scope a page of at most the caller's own account. */
    public Page<UserAccount> list(Role role, Access access, Pageable pageable) {
        if (!access.seesAll()) {
            List<UserAccount> own = accounts.findById(access.userId()).filter(a -> a.role() == role).stream().toList();
            return new PageImpl<>(own, pageable, own.size());
        }
        return accounts.findByRole(role, pageable);
    }

    /** The account of this role and id, 404 (named after the caller's resource) when it is not one the caller sees. */
    public UserAccount get(Role role, String id, Access access) {
        access.checkOwner(id, id);
        return accounts.findById(id).filter(a -> a.role() == role)
                .orElseThrow(() -> new ResourceNotFoundException(access.resource(), id));
    }

    /**
     * Lets only callers with scope ALL go on: what admins do to accounts (onboarding, (de)activation) is not a
     * dealer's or a customer's to do to itself, though OWN lets them edit their own profile.
     */
    public void requireAll(Access access, String what) {
        if (!access.seesAll()) {
            throw new ForbiddenException("Only an admin may " + what + ".");
        }
    }
}
