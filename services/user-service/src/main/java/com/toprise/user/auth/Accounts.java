package com.toprise.user.auth;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.security.AccessTokens;
import com.toprise.common.web.UnauthorizedException;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.user.account.UserAccount;
import com.toprise.user.account.UserAccountRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Sign-up, login, refresh and logout. */
@Service
class Accounts {

    /** Compared against when the email is unknown, so a miss costs the same time as a wrong password. */
    private final String dummyHash;

    private final UserAccountRepository accounts;
    private final OutboxWriter outbox;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final Clock clock = Clock.systemUTC();

    Accounts(UserAccountRepository accounts, OutboxWriter outbox, PasswordEncoder passwords, AccessTokens accessTokens,
             RefreshTokens refreshTokens, LoginThrottle throttle) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
    }

    UserAccount register(Registration registration) {
        String email = accounts.unusedEmail(registration.email());
        Instant now = clock.instant();
        UserAccount account = new UserAccount(UUID.randomUUID().toString(), email,
                passwords.encode(registration.password()), registration.name(), registration.phone(), Role.CUSTOMER,
                true, null, null, now, now);
        return outbox.insert(account, account.createdEvents());
    }

    Tokens login(Credentials credentials) {
        String email = credentials.email().toLowerCase(Locale.ROOT);
        throttle.attempt(email);
        UserAccount account = accounts.findByEmail(email).orElse(null);
        boolean matches = passwords.matches(credentials.password(), account == null ? dummyHash : account.passwordHash());
        if (account == null || !matches || !account.active()) {
            throw new UnauthorizedException("Wrong email or password, or the account is deactivated.");
        }
        return tokensFor(account, refreshTokens.start(account.id()));
    }

    Tokens refresh(String refreshToken) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken);
        UserAccount account = accounts.findById(rotation.userId()).filter(UserAccount::active)
                .orElseThrow(() -> {
                    refreshTokens.revoke(rotation.nextToken());
                    return new UnauthorizedException("The account is deactivated.");
                });
        return tokensFor(account, rotation.nextToken());
    }

    void logout(String refreshToken) {
        refreshTokens.revoke(refreshToken);
    }

    private Tokens tokensFor(UserAccount account, String refreshToken) {
        AccessTokens.IssuedToken access = accessTokens.issue(new AccessTokens.Identity(account.id(), account.role().name()));
        return Tokens.bearer(access.token(), access.expiresAt(), refreshToken);
    }
}
