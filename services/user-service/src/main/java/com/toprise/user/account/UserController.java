package com.toprise.user.account;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.web.UnauthorizedException;
import com.toprise.user.account.UserAccount.AccountView;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account: read it, and change the name and phone it goes by. */
@RestController
@RequestMapping("/api/users")
@ProtectedResource("users")
class UserController {

    private final UserAccountRepository accounts;
    private final AccountProfiles profiles;

    UserController(UserAccountRepository accounts, AccountProfiles profiles) {
        this.accounts = accounts;
        this.profiles = profiles;
    }

    @GetMapping("/me")
    AccountView me(Access access) {
        return accounts.findById(access.userId()).filter(UserAccount::active)
                .orElseThrow(() -> new UnauthorizedException("The account no longer exists or is deactivated.")).view();
    }

    @PutMapping("/me")
    AccountView changeMe(@Valid @RequestBody ContactChange request, Access access) {
        return profiles.changeContact(access.userId(), null, request).view();
    }
}
