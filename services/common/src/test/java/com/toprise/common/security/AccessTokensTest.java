package com.toprise.common.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokensTest {

    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final JwtProperties properties = properties(KEYS, true);
    private final AccessTokens tokens = new AccessTokens(properties, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenWeIssuedVerifiesToItsIdentity() {
        AccessTokens.IssuedToken issued = tokens.issue(new AccessTokens.Identity("u-1", "CUSTOMER"));
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(tokens.verify(issued.token())).contains(new AccessTokens.Identity("u-1", "CUSTOMER"));
    }

    @Test
    void aChangedPayloadIsRefused() {
        String[] parts = tokens.issue(new AccessTokens.Identity("u-1", "CUSTOMER")).token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("CUSTOMER", "SUPER_ADMIN");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(tokens.verify(forged)).isEmpty();
    }

    @Test
    void anotherKeysSignatureIsRefused() {
        AccessTokens impostor = new AccessTokens(properties(OTHER_KEYS, true), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(tokens.verify(impostor.issue(new AccessTokens.Identity("u-1", "SUPER_ADMIN")).token())).isEmpty();
    }

    @Test
    void expiredNotYetValidWrongIssuerAndWrongAudienceAreRefused() throws Exception {
        assertThat(tokens.verify(signed(claims().expirationTime(Date.from(NOW.minusSeconds(31))).build()))).isEmpty();
        assertThat(tokens.verify(signed(claims().notBeforeTime(Date.from(NOW.plusSeconds(60))).build()))).isEmpty();
        assertThat(tokens.verify(signed(claims().issuer("someone-else").build()))).isEmpty();
        assertThat(tokens.verify(signed(claims().audience("other-api").build()))).isEmpty();
        assertThat(tokens.verify(signed(claims().build()))).isPresent();
        assertThat(tokens.verify(signed(claims().expirationTime(Date.from(NOW.minusSeconds(10))).build())))
                .as("within the clock skew").isPresent();
    }

    @Test
    void algNoneAndHmacWithThePublicKeyAsSecretAreRefused() throws Exception {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(claims().build().toString().getBytes());
        assertThat(tokens.verify(header + "." + body + ".")).isEmpty();

        SignedJWT confused = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        confused.sign(new MACSigner(properties.publicKey().getBytes(StandardCharsets.UTF_8)));
        assertThat(tokens.verify(confused.serialize())).isEmpty();
    }

    @Test
    void aTokenThatVerifiedBeforeIsStillCheckedForItsTimeAndItsForgeriesAreStillRefused() throws Exception {
        Instant[] now = {NOW};
        AccessTokens remembering = new AccessTokens(properties, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        });
        String early = signed(claims().notBeforeTime(Date.from(NOW.plusSeconds(60))).build());
        String token = signed(claims().build());
        assertThat(remembering.verify(early)).isEmpty();
        assertThat(remembering.verify(token)).isPresent();
        assertThat(remembering.verify(token)).as("remembered").contains(new AccessTokens.Identity("u-1", "SUPER_ADMIN"));

        String[] parts = token.split("\\.");
        char flipped = parts[2].charAt(40) == 'A' ? 'B' : 'A';
        assertThat(remembering.verify(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 40) + flipped
                + parts[2].substring(41))).isEmpty();
        assertThat(remembering.verify(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims().claim("role", "CUSTOMER").build().toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2]))
                .isEmpty();

        now[0] = NOW.plusSeconds(61);
        assertThat(remembering.verify(early)).as("valid from its nbf on").isPresent();
        now[0] = NOW.plusSeconds(600 + 31);
        assertThat(remembering.verify(token)).as("expired, although it verified before").isEmpty();
        assertThat(remembering.verify(early)).isEmpty();
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        assertThat(tokens.verify("not.a.jwt")).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
    }

    @Test
    void aVerifyingServiceCannotIssue() {
        AccessTokens verifyOnly = new AccessTokens(properties(KEYS, false), Clock.systemUTC());
        assertThatThrownBy(() -> verifyOnly.issue(new AccessTokens.Identity("u", "CUSTOMER")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer("toprise").audience("toprise-api").subject("u-1")
                .claim("role", "SUPER_ADMIN").issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(600)));
    }

    private static String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(KEYS.getPrivate()));
        return jwt.serialize();
    }

    private static JwtProperties properties(KeyPair keys, boolean withPrivate) {
        return new JwtProperties(null, null, PemKeys.toPem("PUBLIC KEY", keys.getPublic().getEncoded()),
                withPrivate ? PemKeys.toPem("PRIVATE KEY", keys.getPrivate().getEncoded()) : null, null, null);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
