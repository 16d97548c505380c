package com.toprise.infra.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Access tokens made outside user-service, for the tests of what the services refuse: the claims a token of
 * ours carries, signed with any key, and the platform's own signing key read from its data directory.
 */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /** The claims of a CUSTOMER token of this user, issued 15 minutes before it expires. */
    public static JWTClaimsSet customerClaims(String userId, String issuer, Instant expires) {
        return new JWTClaimsSet.Builder().subject(userId).issuer(issuer).audience("toprise-api").claim("role", "CUSTOMER")
                .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires)).build();
    }

    public static String rs256(PrivateKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#8 PEM private key, such as the platform's {@code secrets/jwt-private.pem}. */
    public static PrivateKey privateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
