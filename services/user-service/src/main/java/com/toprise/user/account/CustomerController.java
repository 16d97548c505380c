package com.toprise.user.account;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.user.account.UserAccount.AccountView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Customers (self-registered through /api/auth/register): listed for admins, a customer sees only itself. */
@RestController
@RequestMapping("/api/customers")
@ProtectedResource("customers")
class CustomerController {

    private final AccountsInScope inScope;

    CustomerController(AccountsInScope inScope) {
        this.inScope = inScope;
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
}
