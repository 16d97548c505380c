package com.toprise.user.account;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.user.account.UserAccount.AccountView;
import org.springframework.data.domain.PageImpl;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Customers (self-registered through /api/auth/register): listed for admins, a customer sees only itself. */
@RestController
@RequestMapping("/api/customers")
@ProtectedResource("customers")
class CustomerController {

    private final UserAccountRepository accounts;

    CustomerController(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    PageResponse<AccountView> list(Access access,
                                   @Sortable(value = {"email", "name", "createdAt"}, defaultSort = "createdAt,desc")
                                   PageQuery page) {
        if (!access.seesAll()) {
            List<UserAccount> own = accounts.findById(access.userId()).filter(a -> a.role() == Role.CUSTOMER).stream().toList();
            return PageResponse.of(new PageImpl<>(own, page.toPageable(), own.size()), UserAccount::view);
        }
        return PageResponse.of(accounts.findByRole(Role.CUSTOMER, page.toPageable()), UserAccount::view);
    }

    @GetMapping("/{id}")
    AccountView get(@PathVariable String id, Access access) {
        access.checkOwner(id, id);
        return accounts.findById(id).filter(a -> a.role() == Role.CUSTOMER)
                .orElseThrow(() -> new ResourceNotFoundException("customers", id)).view();
    }
}
