package com.toprise.user.auth;

import com.toprise.common.security.AccessTokens;
import com.toprise.common.web.UnauthorizedException;
import com.toprise.user.account.UserAccount.AccountView;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthController {

    private final Accounts accounts;
    private final AccessTokens accessTokens;

    AuthController(Accounts accounts, AccessTokens accessTokens) {
        this.accounts = accounts;
        this.accessTokens = accessTokens;
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

    @GetMapping("/api/users/me")
    AccountView me(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new UnauthorizedException("A bearer token is required.");
        }
        AccessTokens.Identity identity = accessTokens.verify(authorization.substring("Bearer ".length()).trim())
                .orElseThrow(() -> new UnauthorizedException("The access token is not valid."));
        return accounts.current(identity.userId()).view();
    }
}
