package com.toprise.user.auth;

import java.time.Instant;

/** What a login or a refresh answers: a short-lived access token and the next refresh token of its family. */
record Tokens(String accessToken, String tokenType, Instant expiresAt, String refreshToken) {

    static Tokens bearer(String accessToken, Instant expiresAt, String refreshToken) {
        return new Tokens(accessToken, "Bearer", expiresAt, refreshToken);
    }
}
