package com.toprise.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import com.toprise.common.security.AccessTokens;
import com.toprise.common.security.AccessTokens.Identity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.toprise.gateway.GatewayTestSupport.freePort;
import static com.toprise.gateway.GatewayTestSupport.publicKeyPem;
import static com.toprise.gateway.GatewayTestSupport.requestIdOf;
import static com.toprise.gateway.GatewayTestSupport.rsaKeys;
import static com.toprise.gateway.GatewayTestSupport.startRedis;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own work in front of a real downstream HTTP server and a real Redis: token checks, the identity it
 * forwards, and the per-user / per-address budgets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "toprise.gateway.rate-limit.per-user=5", "toprise.gateway.rate-limit.per-ip=8",
        "toprise.gateway.rate-limit.interval=2s", "toprise.gateway.trusted-proxies=127.0.0.1",
        // long, so a cold first Redis call on a busy machine is counted rather than let through (fail open)
        "toprise.gateway.rate-limit.redis-timeout=5s"})
class GatewayFiltersTest {

    private static final KeyPair KEYS = rsaKeys();
    private static final KeyPair OTHER_KEYS = rsaKeys();
    private static final int REDIS_PORT = freePort();
    private static final RedisServer REDIS = startRedis(REDIS_PORT);
    private static final Map<String, Map<String, String>> SEEN = new ConcurrentHashMap<>();
    private static final HttpServer BACKEND = RecordingBackend.start(SEEN);

    @LocalServerPort
    int port;

    /** Stands in for user-service, the only holder of the signing key. */
    private final AccessTokens tokens = GatewayTestSupport.tokens(KEYS, Clock.systemUTC());

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        String backend = "http://127.0.0.1:" + BACKEND.getAddress().getPort();
        for (String service : List.of("USER", "PRODUCT", "ORDER", "NOTIFICATION")) {
            registry.add("TOPRISE_" + service + "_SERVICE_URL", () -> backend);
        }
        registry.add("TOPRISE_REDIS_ADDRESS", () -> "redis://127.0.0.1:" + REDIS_PORT);
        registry.add("TOPRISE_JWT_PUBLIC_KEY", () -> publicKeyPem(KEYS));
    }

    @AfterAll
    static void stop() throws IOException {
        BACKEND.stop(0);
        REDIS.stop();
    }

    @BeforeEach
    void clearSeen() {
        SEEN.clear();
    }

    @Test
    void aValidTokenIsForwardedAsTheIdentityAndForgedIdentityHeadersAreDropped() throws Exception {
        String token = token("user-1", "CUSTOMER");
        HttpResponse<String> anonymous = get("/api/products/p1", Map.of("X-User-Id", "admin", "X-User-Role", "SUPER_ADMIN",
                "X-Forwarded-For", "198.51.100.1"));
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(SEEN.get(requestIdOf(anonymous))).doesNotContainKeys("x-user-id", "x-user-role");

        HttpResponse<String> signedIn = get("/api/orders/o1",
                Map.of("Authorization", "Bearer " + token, "X-User-Role", "SUPER_ADMIN"));
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.headers().allValues("X-Request-Id")).as("the gateway's, not also the service's echo")
                .hasSize(1);
        Map<String, String> headers = SEEN.get(requestIdOf(signedIn));
        assertThat(headers).containsEntry("x-user-id", "user-1").containsEntry("x-user-role", "CUSTOMER")
                .containsEntry("authorization", "Bearer " + token);
    }

    @Test
    void everyKindOfBadTokenIsRefusedWith401ProblemBeforeReachingAService() throws Exception {
        String valid = token("user-2", "CUSTOMER");
        String[] parts = valid.split("\\.");
        String raisedRole = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("CUSTOMER", "SUPER_ADMIN").getBytes(StandardCharsets.UTF_8));
        JWTClaimsSet claims = claims("user-2", "toprise", Instant.now().plusSeconds(300));
        List<String> bad = new ArrayList<>(List.of(
                parts[0] + "." + raisedRole + "." + parts[2],
                signed(claims, (RSAPrivateKey) OTHER_KEYS.getPrivate()),
                signed(claims("user-2", "toprise", Instant.now().minusSeconds(120)), (RSAPrivateKey) KEYS.getPrivate()),
                signed(claims("user-2", "someone-else", Instant.now().plusSeconds(300)), (RSAPrivateKey) KEYS.getPrivate()),
                new PlainJWT(claims).serialize(),
                hmacWithPublicKey(claims),
                "not-a-jwt"));
        for (String token : bad) {
            HttpResponse<String> response = get("/api/orders/o2", Map.of("Authorization", "Bearer " + token));
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).contains("application/problem+json"));
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Bearer"));
            assertThat(response.body()).contains("\"status\":401").doesNotContain("Exception");
        }
        HttpResponse<String> basic = get("/api/orders/o2", Map.of("Authorization", "Basic YWRtaW46YWRtaW4="));
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(SEEN).isEmpty();
    }

    @Test
    void aUserPastItsBudgetGets429WithRetryAfterWhileOthersAreServed() throws Exception {
        String flooder = token("flooder-" + UUID.randomUUID(), "CUSTOMER");
        String bystander = token("bystander-" + UUID.randomUUID(), "CUSTOMER");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 9; i++) {
            HttpResponse<String> response = get("/api/cart", Map.of("Authorization", "Bearer " + flooder));
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                refused = response;
            }
        }
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses.subList(5, 9)).containsOnly(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("2");
        assertThat(refused.body()).contains("\"status\":429");
        assertThat(get("/api/cart", Map.of("Authorization", "Bearer " + bystander)).statusCode()).isEqualTo(200);
        Thread.sleep(2100);
        assertThat(get("/api/cart", Map.of("Authorization", "Bearer " + flooder)).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousCallersShareTheBudgetOfTheirAddressBehindOurProxy() throws Exception {
        long refused = 0;
        for (int i = 0; i < 12; i++) {
            // what the client wrote left of our proxy's entry does not change the address counted
            String forwarded = "10.9.8." + i + ", 203.0.113.7";
            if (get("/api/auth/login", Map.of("X-Forwarded-For", forwarded)).statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(4);
        assertThat(get("/api/auth/login", Map.of("X-Forwarded-For", "203.0.113.8")).statusCode())
                .as("another address has its own budget").isEqualTo(200);
    }

    @Test
    void corsAnswersOnlyTheConfiguredOriginsAndOversizedBodiesAreRefused() throws Exception {
        HttpResponse<String> allowed = send("OPTIONS", "/api/products", null, Map.of(
                "Origin", "http://localhost:3000", "Access-Control-Request-Method", "POST", "X-Forwarded-For", "198.51.100.9"));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:3000");

        HttpResponse<String> foreign = send("OPTIONS", "/api/products", null, Map.of(
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST", "X-Forwarded-For", "198.51.100.9"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> oversized = send("POST", "/api/products", "{\"pad\":\"" + "x".repeat(1_100_000) + "\"}",
                Map.of("Content-Type", "application/json", "X-Forwarded-For", "198.51.100.9"));
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(SEEN).isEmpty();
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        return send("GET", path, null, headers);
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        return GatewayTestSupport.send(port, method, path, body, headers);
    }

    private String token(String userId, String role) {
        return tokens.issue(new Identity(userId, role)).token();
    }

    private static JWTClaimsSet claims(String userId, String issuer, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience("toprise-api").subject(userId)
                .claim("role", "SUPER_ADMIN").issueTime(Date.from(expires.minusSeconds(600)))
                .expirationTime(Date.from(expires)).build();
    }

    private static String signed(JWTClaimsSet claims, RSAPrivateKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** Key confusion: HS256 with the (public) RSA key as the shared secret. */
    private static String hmacWithPublicKey(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(publicKeyPem(KEYS).getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
