package com.toprise.user.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param refreshTokenTtl   how long an unused refresh token stays valid
 * @param loginAttempts     failed-or-not login attempts allowed per email within {@code loginWindow}
 * @param loginWindow       the throttle's window
 * @param bootstrapAdminEmail    the first Super-admin, created when none exists (empty: none is created)
 * @param bootstrapAdminPassword its password, from the environment only
 */
@ConfigurationProperties("toprise.auth")
record AuthProperties(Duration refreshTokenTtl, int loginAttempts, Duration loginWindow, String bootstrapAdminEmail,
                      String bootstrapAdminPassword) {

    AuthProperties {
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(14) : refreshTokenTtl;
        loginAttempts = loginAttempts <= 0 ? 5 : loginAttempts;
        loginWindow = loginWindow == null ? Duration.ofMinutes(1) : loginWindow;
        bootstrapAdminEmail = bootstrapAdminEmail == null ? "" : bootstrapAdminEmail;
        bootstrapAdminPassword = bootstrapAdminPassword == null ? "" : bootstrapAdminPassword;
    }
}
