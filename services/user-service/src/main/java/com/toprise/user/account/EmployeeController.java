package com.toprise.user.account;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.user.account.UserAccount.AccountView;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageImpl;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Staff accounts: created and (de)activated by a Super-admin; an employee with OWN scope sees only itself. */
@RestController
@RequestMapping("/api/employees")
@ProtectedResource("employees")
class EmployeeController {

    private final UserAdministration administration;
    private final UserAccountRepository accounts;

    EmployeeController(UserAdministration administration, UserAccountRepository accounts) {
        this.administration = administration;
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountView create(@Valid @RequestBody NewEmployee request) {
        return administration.createEmployee(request).view();
    }

    @GetMapping
    PageResponse<AccountView> list(@RequestParam(required = false) Role role, Access access,
                                   @Sortable(value = {"email", "name", "createdAt"}, defaultSort = "createdAt,desc")
                                   PageQuery page) {
        if (!access.seesAll()) {
            List<UserAccount> own = accounts.findById(access.userId()).stream().toList();
            return PageResponse.of(new PageImpl<>(own, page.toPageable(), own.size()), UserAccount::view);
        }
        if (role != null && !UserAccount.STAFF.contains(role)) {
            return PageResponse.of(new PageImpl<>(List.<UserAccount>of(), page.toPageable(), 0), UserAccount::view);
        }
        var found = role == null ? accounts.findByRoleIn(UserAccount.STAFF, page.toPageable())
                : accounts.findByRole(role, page.toPageable());
        return PageResponse.of(found, UserAccount::view);
    }

    @GetMapping("/{id}")
    AccountView get(@PathVariable String id, Access access) {
        access.checkOwner(id, id);
        return accounts.findById(id).filter(a -> UserAccount.STAFF.contains(a.role()))
                .orElseThrow(() -> new ResourceNotFoundException("employees", id)).view();
    }

    @PostMapping("/{id}/deactivate")
    AccountView deactivate(@PathVariable String id, Access access) {
        access.checkOwner(id, id);
        return administration.setActive(id, false, access.userId()).view();
    }

    @PostMapping("/{id}/activate")
    AccountView activate(@PathVariable String id, Access access) {
        access.checkOwner(id, id);
        return administration.setActive(id, true, access.userId()).view();
    }
}
