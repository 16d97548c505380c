package com.toprise.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis down: the rate limits fail open within their timeout instead of failing the requests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "toprise.gateway.rate-limit.per-ip=1")
class GatewayWithoutRedisTest {

    private static final HttpServer BACKEND = RecordingBackend.start(new ConcurrentHashMap<>());

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        String backend = "http://127.0.0.1:" + BACKEND.getAddress().getPort();
        for (String service : List.of("USER", "PRODUCT", "ORDER", "NOTIFICATION")) {
            registry.add("TOPRISE_" + service + "_SERVICE_URL", () -> backend);
        }
        int closedPort = GatewayTestSupport.freePort();
        registry.add("TOPRISE_REDIS_ADDRESS", () -> "redis://127.0.0.1:" + closedPort);
        String publicKey = GatewayTestSupport.publicKeyPem(GatewayTestSupport.rsaKeys());
        registry.add("TOPRISE_JWT_PUBLIC_KEY", () -> publicKey);
    }

    @AfterAll
    static void stop() {
        BACKEND.stop(0);
    }

    @Test
    void requestsPassWithinTheRedisTimeoutWhenRedisIsUnreachable() throws Exception {
        for (int i = 0; i < 3; i++) {
            Instant started = Instant.now();
            HttpResponse<String> response = GatewayTestSupport.send(port, "GET", "/api/products", null, Map.of());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(3));
        }
    }
}
