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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Dealers: onboarded by admins, assigned the catalog categories they serve; a dealer sees only itself. */
@RestController
@RequestMapping("/api/dealers")
@ProtectedResource("dealers")
class DealerController {

    private final UserAdministration administration;
    private final UserAccountRepository accounts;

    DealerController(UserAdministration administration, UserAccountRepository accounts) {
        this.administration = administration;
        this.accounts = accounts;
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
        if (!access.seesAll()) {
            List<UserAccount> own = accounts.findById(access.userId()).filter(a -> a.role() == Role.DEALER).stream().toList();
            return PageResponse.of(new PageImpl<>(own, page.toPageable(), own.size()), UserAccount::view);
        }
        return PageResponse.of(accounts.findByRole(Role.DEALER, page.toPageable()), UserAccount::view);
    }

    @GetMapping("/{id}")
    AccountView get(@PathVariable String id, Access access) {
        access.checkOwner(id, id);
        return accounts.findById(id).filter(a -> a.role() == Role.DEALER)
                .orElseThrow(() -> new ResourceNotFoundException("dealers", id)).view();
    }

    @PutMapping("/{id}/categories")
    AccountView assignCategories(@PathVariable String id, @Valid @RequestBody CategoryAssignment request,
                                 Access access) {
        access.checkOwner(id, id);
        return administration.assignCategories(id, request.categories()).view();
    }
}
