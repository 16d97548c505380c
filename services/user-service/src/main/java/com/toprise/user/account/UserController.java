package com.toprise.user.account;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.web.UnauthorizedException;
import com.toprise.user.account.UserAccount.AccountView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account. */
@RestController
@RequestMapping("/api/users")
@ProtectedResource("users")
class UserController {

    private final UserAccountRepository accounts;

    UserController(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/me")
    AccountView me(Access access) {
        return accounts.findById(access.userId()).filter(UserAccount::active)
                .orElseThrow(() -> new UnauthorizedException("The account no longer exists or is deactivated.")).view();
    }
}
