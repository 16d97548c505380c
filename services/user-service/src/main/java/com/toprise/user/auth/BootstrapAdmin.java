package com.toprise.user.auth;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.user.account.UserAccount;
import com.toprise.user.account.UserAccountRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The first Super-admin, so a new installation can be administered at all: created from configuration
 * ({@code TOPRISE_BOOTSTRAP_ADMIN_EMAIL}, {@code TOPRISE_BOOTSTRAP_ADMIN_PASSWORD}) when no Super-admin exists.
 * The embedded platform generates the password into its secrets directory; nothing is built in.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserAccountRepository accounts;
    private final OutboxWriter outbox;
    private final PasswordEncoder passwords;
    private final String email;
    private final String password;

    BootstrapAdmin(UserAccountRepository accounts, OutboxWriter outbox, PasswordEncoder passwords,
                   AuthProperties properties) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.passwords = passwords;
        this.email = properties.bootstrapAdminEmail();
        this.password = properties.bootstrapAdminPassword();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank() || password.isBlank() || accounts.existsByRole(Role.SUPER_ADMIN)) {
            return;
        }
        if (password.length() < 10) {
            throw new IllegalStateException("the bootstrap admin password must have at least 10 characters");
        }
        Instant now = Instant.now();
        UserAccount admin = new UserAccount(UUID.randomUUID().toString(), email.toLowerCase(Locale.ROOT),
                passwords.encode(password), "Super-admin", null, Role.SUPER_ADMIN, true, null,
                new UserAccount.EmployeeProfile("ADMIN-1", "Super-admin", "Administration"), now, now);
        outbox.insert(admin, admin.createdEvents());
        log.info("created the bootstrap Super-admin {}", admin.email());
    }
}
