package com.toprise.user.auth;

import com.toprise.common.access.PublicEndpoint;
import com.toprise.user.account.UserAccount.AccountView;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, login, refresh and logout: open to anyone, throttled per account. */
@RestController
@PublicEndpoint
class AuthController {

    private final Accounts accounts;

    AuthController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    AccountView register(@Valid @RequestBody Registration registration) {
        return accounts.register(registration).view();
    }

    @PostMapping("/api/auth/login")
    Tokens login(@Valid @RequestBody Credentials credentials) {
        return accounts.login(credentials);
    }

    @PostMapping("/api/auth/refresh")
    Tokens refresh(@Valid @RequestBody RefreshRequest request) {
        return accounts.refresh(request.refreshToken());
    }

    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest request) {
        accounts.logout(request.refreshToken());
    }
}
