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

/**
 * Dealers: onboarded and (de)activated by admins, assigned the catalog categories they serve, keeping their own
 * profile (address, service area, hours); a dealer sees and edits only itself.
 */
@RestController
@RequestMapping("/api/dealers")
@ProtectedResource("dealers")
class DealerController {

    private final UserAdministration administration;
    private final AccountProfiles profiles;
    private final AccountsInScope inScope;

    DealerController(UserAdministration administration, AccountProfiles profiles, AccountsInScope inScope) {
        this.administration = administration;
        this.profiles = profiles;
        this.inScope = inScope;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountView create(@Valid @RequestBody NewDealer request, Access access) {
        inScope.requireAll(access, "onboard dealers");
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

    /** Admins only: what a dealer carries decides which orders it is assigned, not the dealer's own say. */
    @PutMapping("/{id}/categories")
    AccountView assignCategories(@PathVariable String id, @Valid @RequestBody CategoryAssignment request,
                                 Access access) {
        inScope.requireAll(access, "assign dealers their categories");
        return administration.assignCategories(id, request.categories()).view();
    }

    @PutMapping("/{id}/profile")
    AccountView changeProfile(@PathVariable String id, @Valid @RequestBody DealerProfileChange request,
                              Access access) {
        access.checkOwner(id, id);
        return profiles.changeDealerProfile(id, request).view();
    }

    @PostMapping("/{id}/deactivate")
    AccountView deactivate(@PathVariable String id, Access access) {
        inScope.requireAll(access, "deactivate dealers");
        return administration.setActive(Role.DEALER, id, false, access.userId()).view();
    }

    @PostMapping("/{id}/activate")
    AccountView activate(@PathVariable String id, Access access) {
        inScope.requireAll(access, "activate dealers");
        return administration.setActive(Role.DEALER, id, true, access.userId()).view();
    }
}
