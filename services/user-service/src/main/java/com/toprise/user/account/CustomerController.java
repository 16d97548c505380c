package com.toprise.user.account;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.user.account.UserAccount.AccountView;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers (self-registered through /api/auth/register): listed, edited and (de)activated by admins; a customer
 * sees only itself (and edits itself through {@code PUT /api/users/me}).
 */
@RestController
@RequestMapping("/api/customers")
@ProtectedResource("customers")
class CustomerController {

    private final AccountsInScope inScope;
    private final AccountProfiles profiles;
    private final UserAdministration administration;

    CustomerController(AccountsInScope inScope, AccountProfiles profiles, UserAdministration administration) {
        this.inScope = inScope;
        this.profiles = profiles;
        this.administration = administration;
    }

    @GetMapping
    PageResponse<AccountView> list(Access access,
                                   @Sortable(value = {"email", "name", "createdAt"}, defaultSort = "createdAt,desc")
                                   PageQuery page) {
        return PageResponse.of(inScope.list(Role.CUSTOMER, access, page.toPageable()), UserAccount::view);
    }

    @GetMapping("/{id}")
    AccountView get(@PathVariable String id, Access access) {
        return inScope.get(Role.CUSTOMER, id, access).view();
    }

    @PutMapping("/{id}")
    AccountView changeContact(@PathVariable String id, @Valid @RequestBody ContactChange request, Access access) {
        access.checkOwner(id, id);
        return profiles.changeContact(id, Role.CUSTOMER, request).view();
    }

    @PostMapping("/{id}/deactivate")
    AccountView deactivate(@PathVariable String id, Access access) {
        inScope.requireAll(access, "deactivate customers");
        return administration.setActive(Role.CUSTOMER, id, false, access.userId()).view();
    }

    @PostMapping("/{id}/activate")
    AccountView activate(@PathVariable String id, Access access) {
        inScope.requireAll(access, "activate customers");
        return administration.setActive(Role.CUSTOMER, id, true, access.userId()).view();
    }
}
