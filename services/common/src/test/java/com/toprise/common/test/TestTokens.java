package com.toprise.common.test;

import com.toprise.common.security.AccessTokens;
import com.toprise.common.security.JwtProperties;
import com.toprise.common.security.PemKeys;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;

/**
 * Access tokens for tests of a service: one RSA key pair per test JVM, configured as the platform's, and a second
 * pair nobody trusts, to forge tokens with. Tokens are minted by the real {@link AccessTokens}, so what a service
 * verifies in a test is exactly what user-service issues.
 */
public final class TestTokens {

    private static final KeyPair PLATFORM_KEYS = generate();
    private static final KeyPair STRANGER_KEYS = generate();
    private static final AccessTokens PLATFORM = new AccessTokens(properties(PLATFORM_KEYS), Clock.systemUTC());
    private static final AccessTokens STRANGER = new AccessTokens(properties(STRANGER_KEYS), Clock.systemUTC());

    private TestTokens() {
    }

    /** The platform's tokens: what a service under test should verify with. */
    public static AccessTokens accessTokens() {
        return PLATFORM;
    }

    /** The {@code Authorization} header value of a valid token for this user and role. */
    public static String bearer(String userId, String role) {
        return "Bearer " + PLATFORM.issue(new AccessTokens.Identity(userId, role)).token();
    }

    /** A well-formed token with valid claims, signed by a key the platform does not trust: 401 everywhere. */
    public static String forgedBearer(String userId, String role) {
        return "Bearer " + STRANGER.issue(new AccessTokens.Identity(userId, role)).token();
    }

    public static String publicKeyPem() {
        return PemKeys.toPem("PUBLIC KEY", PLATFORM_KEYS.getPublic().getEncoded());
    }

    public static String privateKeyPem() {
        return PemKeys.toPem("PRIVATE KEY", PLATFORM_KEYS.getPrivate().getEncoded());
    }

    private static JwtProperties properties(KeyPair keys) {
        return new JwtProperties(null, null, PemKeys.toPem("PUBLIC KEY", keys.getPublic().getEncoded()),
                PemKeys.toPem("PRIVATE KEY", keys.getPrivate().getEncoded()), null, null);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
