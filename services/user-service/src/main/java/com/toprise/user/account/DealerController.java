package com.toprise.user.account;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.user.account.UserAccount.AccountView;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Dealers: onboarded by admins, assigned the catalog categories they serve; a dealer sees only itself. */
@RestController
@RequestMapping("/api/dealers")
@ProtectedResource("dealers")
class DealerController {

    private final UserAdministration administration;
    private final AccountsInScope inScope;

    DealerController(UserAdministration administration, AccountsInScope inScope) {
        this.administration = administration;
        this.inScope = inScope;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountView create(@Valid @RequestBody NewDealer request) {
        return administration.createDealer(request).view();
    }

    @GetMapping
    PageResponse<AccountView> list(Access access,
                                   @Sortable(value = {"email", "name", "createdAt"}, defaultSort = "createdAt,desc")
                                   PageQuery page) {
        return PageResponse.of(inScope.list(Role.DEALER, access, page.toPageable()), UserAccount::view);
    }

    @GetMapping("/{id}")
    AccountView get(@PathVariable String id, Access access) {
        return inScope.get(Role.DEALER, id, access).view();
    }

    @PutMapping("/{id}/categories")
    AccountView assignCategories(@PathVariable String id, @Valid @RequestBody CategoryAssignment request,
                                 Access access) {
        access.checkOwner(id, id);
        return administration.assignCategories(id, request.categories()).view();
    }
}
