package com.toprise.user.auth;

import com.toprise.common.security.Digests;
import com.toprise.common.web.UnauthorizedException;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Rotating refresh tokens in Redis. Each login starts a family; each refresh spends its token (an atomic
 * ACTIVE → USED swap) and hands out the next of the family. Spending a token twice means it was stolen or
 * replayed, so the whole family is revoked: the thief's and the owner's next refresh both fail. Only a hash
 * of a token is stored, so a Redis dump does not hand out sessions.
 */
@Component
class RefreshTokens {

    private static final String ACTIVE = "ACTIVE";
    private static final String USED = "USED";

    private final RedissonClient redis;
    private final AuthProperties properties;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(RedissonClient redis, AuthProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** The first token of a new family (a login). */
    String start(String userId) {
        return issue(userId, UUID.randomUUID().toString());
    }

    /** Spends a token and returns its owner with the next token of the family; 401 for anything not spendable. */
    Rotation rotate(String token) {
        RMap<String, String> entry = redis.getMap(key(token));
        Map<String, String> fields = entry.readAllMap();
        if (fields.isEmpty() || isRevoked(fields.get("family"))) {
            throw new UnauthorizedException("The refresh token is not valid.");
        }
        if (!entry.replace("state", ACTIVE, USED)) {
            revokeFamily(fields.get("family"));
            throw new UnauthorizedException("The refresh token was already used; the session has been revoked.");
        }
        return new Rotation(fields.get("userId"), issue(fields.get("userId"), fields.get("family")));
    }

    /** Logout: the token's family can refresh no more. Unknown tokens are ignored (logout is idempotent). */
    void revoke(String token) {
        String family = redis.<String, String>getMap(key(token)).get("family");
        if (family != null) {
            revokeFamily(family);
        }
    }

    private String issue(String userId, String family) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        RMap<String, String> entry = redis.getMap(key(token));
        entry.putAll(Map.of("userId", userId, "family", family, "state", ACTIVE));
        entry.expire(properties.refreshTokenTtl());
        return token;
    }

    private boolean isRevoked(String family) {
        return family == null || redis.getBucket(familyRevokedKey(family)).isExists();
    }

    private void revokeFamily(String family) {
        redis.getBucket(familyRevokedKey(family)).set("revoked", properties.refreshTokenTtl());
    }

    private static String familyRevokedKey(String family) {
        return "auth:refresh-family-revoked:" + family;
    }

    private static String key(String token) {
        return "auth:refresh:" + Digests.sha256Hex(token);
    }

    record Rotation(String userId, String nextToken) {
    }
}
