package com.toprise.infra.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local platform's first Super-admin: a random password generated on the first start into
 * {@code <data>/secrets/admin-password} (owner-only) and handed to user-service, which creates the account when no
 * Super-admin exists. Nothing is built into the code; production sets TOPRISE_BOOTSTRAP_ADMIN_EMAIL/_PASSWORD.
 */
public record AdminCredentials(String email, String password) {

    public static final String EMAIL = "admin@toprise.local";

    public static synchronized AdminCredentials ensure(Path dataDir) {
        Path file = dataDir.resolve("secrets").resolve("admin-password");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] bytes = new byte[18];
                new SecureRandom().nextBytes(bytes);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the file system has no POSIX permissions: nothing more to do
                }
            }
            return new AdminCredentials(EMAIL, Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the admin credentials in " + file.getParent(), e);
        }
    }
}
