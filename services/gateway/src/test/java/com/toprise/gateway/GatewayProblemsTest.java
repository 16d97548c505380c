package com.toprise.gateway;

import com.sun.net.httpserver.HttpServer;
import com.toprise.common.security.AccessTokens;
import com.toprise.common.security.AccessTokens.Identity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static com.toprise.gateway.GatewayTestSupport.freePort;
import static com.toprise.gateway.GatewayTestSupport.publicKeyPem;
import static com.toprise.gateway.GatewayTestSupport.requestIdOf;
import static com.toprise.gateway.GatewayTestSupport.rsaKeys;
import static com.toprise.gateway.GatewayTestSupport.startRedis;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error the gateway produces itself is RFC 9457 problem+json carrying the X-Request-Id it assigned, with no
 * exception text: 401, 413, 429, 404 (no route), 502 (service refuses the connection) and 504 (service slower than
 * the response timeout). Each service URL points at a different backend so one context shows all of them; each test
 * comes from its own client address so the per-address budget of one does not refuse another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "toprise.gateway.rate-limit.per-ip=3", "toprise.gateway.rate-limit.interval=10s",
        "toprise.gateway.trusted-proxies=127.0.0.1", "toprise.http.max-body-size=1KB",
        // long, so a cold first Redis call on a busy machine is counted rather than let through (fail open)
        "toprise.gateway.rate-limit.redis-timeout=5s",
        // short, so the slow backend below is given up on quickly
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s"})
class GatewayProblemsTest {

    private static final KeyPair KEYS = rsaKeys();
    private static final int REDIS_PORT = freePort();
    private static final int CLOSED_PORT = freePort();
    private static final RedisServer REDIS = startRedis(REDIS_PORT);
    private static final Map<String, Map<String, String>> SEEN = new ConcurrentHashMap<>();
    private static final HttpServer BACKEND = RecordingBackend.start(SEEN);
    private static final HttpServer SLOW_BACKEND = RecordingBackend.slow(Duration.ofSeconds(4));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        String backend = "http://127.0.0.1:" + BACKEND.getAddress().getPort();
        registry.add("TOPRISE_ORDER_SERVICE_URL", () -> backend);
        registry.add("TOPRISE_NOTIFICATION_SERVICE_URL", () -> backend);
        registry.add("TOPRISE_USER_SERVICE_URL", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("TOPRISE_PRODUCT_SERVICE_URL", () -> "http://127.0.0.1:" + SLOW_BACKEND.getAddress().getPort());
        registry.add("TOPRISE_REDIS_ADDRESS", () -> "redis://127.0.0.1:" + REDIS_PORT);
        registry.add("TOPRISE_JWT_PUBLIC_KEY", () -> publicKeyPem(KEYS));
    }

    @AfterAll
    static void stop() throws IOException {
        BACKEND.stop(0);
        SLOW_BACKEND.stop(0);
        REDIS.stop();
    }

    @Test
    void aBadOrExpiredTokenIs401Problem() throws Exception {
        AccessTokens yesterday = GatewayTestSupport.tokens(KEYS,
                Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC));
        String expired = yesterday.issue(new Identity("user-1", "CUSTOMER")).token();
        for (String token : new String[] {"not-a-jwt", expired}) {
            HttpResponse<String> response = send("GET", "/api/orders/o1", null,
                    Map.of("Authorization", "Bearer " + token, "X-Forwarded-For", "203.0.113.1"));
            assertProblem(response, 401, "/api/orders/o1");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Bearer"));
            assertThat(SEEN).as("not forwarded").doesNotContainKey(requestIdOf(response));
        }
    }

    @Test
    void aBodyOverTheLimitIs413ProblemAndKeepsTheClientsRequestId() throws Exception {
        HttpResponse<String> response = send("POST", "/api/orders", "{\"pad\":\"" + "x".repeat(2048) + "\"}",
                Map.of("Content-Type", "application/json", "X-Request-Id", "client-id-413",
                        "X-Forwarded-For", "203.0.113.2"));
        JsonNode problem = assertProblem(response, 413, "/api/orders");
        assertThat(problem.get("requestId").asString()).isEqualTo("client-id-413");
        assertThat(SEEN).as("not forwarded").doesNotContainKey("client-id-413");
    }

    @Test
    void anAddressPastItsBudgetGets429ProblemWithRetryAfter() throws Exception {
        HttpResponse<String> response = null;
        for (int i = 0; i < 4; i++) {
            response = send("GET", "/api/cart", null, Map.of("X-Forwarded-For", "203.0.113.3"));
        }
        assertProblem(response, 429, "/api/cart");
        assertThat(response.headers().firstValue("Retry-After")).contains("10");
    }

    @Test
    void aPathNoRouteServesIs404Problem() throws Exception {
        assertProblem(send("GET", "/nothing/here", null, Map.of("X-Forwarded-For", "203.0.113.4")), 404,
                "/nothing/here");
    }

    @Test
    void aServiceRefusingTheConnectionIs502Problem() throws Exception {
        HttpResponse<String> response = send("GET", "/api/users/me", null, Map.of("X-Forwarded-For", "203.0.113.5"));
        JsonNode problem = assertProblem(response, 502, "/api/users/me");
        assertThat(problem.get("detail").asString()).contains("user-service");
    }

    @Test
    void aServiceSlowerThanTheResponseTimeoutIs504Problem() throws Exception {
        Instant started = Instant.now();
        HttpResponse<String> response = send("GET", "/api/products/p1", null, Map.of("X-Forwarded-For", "203.0.113.6"));
        JsonNode problem = assertProblem(response, 504, "/api/products/p1");
        assertThat(problem.get("detail").asString()).contains("product-service");
        assertThat(Duration.between(started, Instant.now())).as("given up at the timeout")
                .isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void answersOfTheServicesPassUnchanged() throws Exception {
        HttpResponse<String> response = send("GET", "/api/orders/o1", null, Map.of("X-Forwarded-For", "203.0.113.7"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{}");
    }

    /** The shape every gateway-made error shares; returns the body for case-specific checks. */
    private static JsonNode assertProblem(HttpResponse<String> response, int status, String path) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().allValues("X-Request-Id")).hasSize(1);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).isEqualTo(path);
        assertThat(problem.get("requestId").asString()).isEqualTo(requestIdOf(response));
        // nothing of the failure's internals: no exception, stack frame or backend address
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace", "127.0.0.1");
        return problem;
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        return GatewayTestSupport.send(port, method, path, body, headers);
    }
}
