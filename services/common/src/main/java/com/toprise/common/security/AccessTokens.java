package com.toprise.common.security;

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

    private final JwtProperties properties;
    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;
    private final Clock clock;

    public AccessTokens(JwtProperties properties, Clock clock) {
        this.properties = properties;
        this.publicKey = PemKeys.publicKey(properties.publicKey());
        this.privateKey = properties.privateKey() == null || properties.privateKey().isBlank()
                ? null : PemKeys.privateKey(properties.privateKey());
        this.clock = clock;
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
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            JWSVerifier verifier = new RSASSAVerifier(publicKey);
            if (!jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!properties.issuer().equals(claims.getIssuer())
                    || claims.getAudience() == null || !claims.getAudience().contains(properties.audience())
                    || claims.getExpirationTime() == null
                    || now.minus(properties.clockSkew()).isAfter(claims.getExpirationTime().toInstant())
                    || (claims.getNotBeforeTime() != null
                        && now.plus(properties.clockSkew()).isBefore(claims.getNotBeforeTime().toInstant()))
                    || claims.getSubject() == null || !(claims.getClaim("role") instanceof String role)) {
                return Optional.empty();
            }
            return Optional.of(new Identity(claims.getSubject(), role));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Who a token speaks for. */
    public record Identity(String userId, String role) {
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

}
