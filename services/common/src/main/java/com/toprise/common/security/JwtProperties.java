package com.toprise.common.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The access tokens of the platform: RS256 JWTs signed by user-service and verified everywhere with the public key.
 * Keys are PEM text from the environment ({@code TOPRISE_JWT_PUBLIC_KEY}, and {@code TOPRISE_JWT_PRIVATE_KEY} for
 * user-service only); the embedded platform generates a pair on its first start.
 *
 * @param issuer        the {@code iss} every token carries and every verifier demands
 * @param audience      the {@code aud} likewise
 * @param publicKey     X.509 SubjectPublicKeyInfo PEM of the RSA key
 * @param privateKey    PKCS#8 PEM of the RSA key; empty where tokens are only verified
 * @param accessTokenTtl how long an access token lives
 * @param clockSkew     tolerance on exp/nbf between machines
 */
@ConfigurationProperties("toprise.security.jwt")
public record JwtProperties(String issuer, String audience, String publicKey, String privateKey,
                            Duration accessTokenTtl, Duration clockSkew) {

    public JwtProperties {
        issuer = issuer == null ? "toprise" : issuer;
        audience = audience == null ? "toprise-api" : audience;
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
    }
}
