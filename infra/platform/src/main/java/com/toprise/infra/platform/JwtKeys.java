package com.toprise.infra.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The local platform's token-signing key pair: generated on the first start into {@code <data>/secrets} (owner-only
 * files) and reused after, so tokens survive a restart. Never in the repository; production passes its own keys
 * as TOPRISE_JWT_PUBLIC_KEY / TOPRISE_JWT_PRIVATE_KEY.
 */
public record JwtKeys(String publicPem, String privatePem) {

    public static synchronized JwtKeys ensure(Path dataDir) {
        Path dir = dataDir.resolve("secrets");
        Path publicFile = dir.resolve("jwt-public.pem");
        Path privateFile = dir.resolve("jwt-private.pem");
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            return new JwtKeys(Files.readString(publicFile), Files.readString(privateFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the JWT keys in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key pair", e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no POSIX permissions: nothing more to do
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
