package com.toprise.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies access tokens. Verification accepts RS256 only, signed by our key, with our issuer and
 * audience, not expired and not before its time: {@code alg: none}, an HMAC signature made with the public key as
 * secret (key confusion) and any other algorithm are refused before the signature is even looked at.
 */
public final class AccessTokens {

    private static final String BEARER = "Bearer ";
    /** About one per signed-in user of the last quarter hour; ~1 KB each. */
    private static final int VERIFIED_TOKENS_KEPT = 20_000;

    private final JwtProperties properties;
    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;
    private final Clock clock;
    /**
     * Tokens whose signature and claims already checked out, by their exact text. A client sends the same token with
     * every request until it expires, and the RSA check was the largest single cost of a request in the gateway and
     * in each service. Only tokens that verified are kept, so a changed or forged token always meets the signature
     * check; the cache forgets a token after the longest lifetime one can have.
     */
    private final Cache<String, Verified> recentlyVerified;

    public AccessTokens(JwtProperties properties, Clock clock) {
        this.properties = properties;
        this.publicKey = PemKeys.publicKey(properties.publicKey());
        this.privateKey = properties.privateKey() == null || properties.privateKey().isBlank()
                ? null : PemKeys.privateKey(properties.privateKey());
        this.clock = clock;
        this.recentlyVerified = Caffeine.newBuilder().maximumSize(VERIFIED_TOKENS_KEPT)
                .expireAfterWrite(properties.accessTokenTtl().plus(properties.clockSkew())).build();
    }

    /** A signed token for this identity; only where the private key is configured (user-service). */
    public IssuedToken issue(Identity identity) {
        if (privateKey == null) {
            throw new IllegalStateException("this service has no private key: only user-service issues tokens");
        }
        Instant now = clock.instant();
        Instant expires = now.plus(properties.accessTokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(properties.audience())
                .subject(identity.userId())
                .claim("role", identity.role())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims);
        try {
            jwt.sign(new RSASSASigner(privateKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return new IssuedToken(jwt.serialize(), expires);
    }

    /**
     * The identity of a valid token in an {@code Authorization} header value ({@code Bearer <token>}, the scheme in
     * any case); empty for another scheme or an invalid token.
     */
    public Optional<Identity> verifyBearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return verify(authorization.substring(BEARER.length()).trim());
    }

    /** The identity of a valid token, or empty with no detail (callers answer 401 either way). */
    public Optional<Identity> verify(String token) {
        Verified verified = recentlyVerified.getIfPresent(token);
        if (verified == null) {
            verified = verifySignatureAndClaims(token);
            if (verified == null) {
                return Optional.empty();
            }
            recentlyVerified.put(token, verified);
        }
        // time passes for a remembered token too: its validity window is checked on every use
        Instant now = clock.instant();
        if (now.minus(properties.clockSkew()).isAfter(verified.expiresAt())
                || (verified.notBefore() != null && now.plus(properties.clockSkew()).isBefore(verified.notBefore()))) {
            return Optional.empty();
        }
        return Optional.of(verified.identity());
    }

    /** Everything about a token that does not change with time, or null if any of it is wrong. */
    private Verified verifySignatureAndClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return null;
            }
            JWSVerifier verifier = new RSASSAVerifier(publicKey);
            if (!jwt.verify(verifier)) {
                return null;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!properties.issuer().equals(claims.getIssuer())
                    || claims.getAudience() == null || !claims.getAudience().contains(properties.audience())
                    || claims.getExpirationTime() == null
                    || claims.getSubject() == null || !(claims.getClaim("role") instanceof String role)) {
                return null;
            }
            Instant notBefore = claims.getNotBeforeTime() == null ? null : claims.getNotBeforeTime().toInstant();
            return new Verified(new Identity(claims.getSubject(), role), claims.getExpirationTime().toInstant(),
                    notBefore);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return null;
        }
    }

    private record Verified(Identity identity, Instant expiresAt, Instant notBefore) {
    }

    /** Who a token speaks for. */
    public record Identity(String userId, String role) {
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

}
