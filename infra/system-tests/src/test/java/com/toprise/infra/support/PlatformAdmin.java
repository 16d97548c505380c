package com.toprise.infra.support;

import com.toprise.infra.platform.AdminCredentials;
import com.toprise.infra.platform.EmbeddedPlatform;

import java.time.Duration;
import java.time.Instant;

/** The platform's bootstrap Super-admin, logged in once and again before its access token would expire. */
public final class PlatformAdmin {

    private static final Duration RELOGIN_AFTER = Duration.ofMinutes(10);
    private static Api.Session session;
    private static Instant loggedInAt;

    private PlatformAdmin() {
    }

    public static synchronized Api.Session session(EmbeddedPlatform platform) {
        if (session == null || loggedInAt.plus(RELOGIN_AFTER).isBefore(Instant.now())) {
            AdminCredentials admin = AdminCredentials.ensure(platform.settings().dataDir());
            session = new Api(platform.gatewayUrl()).login(admin.email(), admin.password());
            loggedInAt = Instant.now();
        }
        return session;
    }

    public static String token(EmbeddedPlatform platform) {
        return session(platform).accessToken();
    }
}
