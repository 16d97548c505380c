package com.toprise.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    static void platform(DynamicPropertyRegistry registry) throws Exception {
        String backend = "http://127.0.0.1:" + BACKEND.getAddress().getPort();
        for (String service : List.of("USER", "PRODUCT", "ORDER", "NOTIFICATION")) {
            registry.add("TOPRISE_" + service + "_SERVICE_URL", () -> backend);
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("TOPRISE_REDIS_ADDRESS", () -> "redis://127.0.0.1:" + closedPort);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] publicKey = generator.generateKeyPair().getPublic().getEncoded();
        registry.add("TOPRISE_JWT_PUBLIC_KEY", () -> com.toprise.common.security.PemKeys.toPem("PUBLIC KEY", publicKey));
    }

    @AfterAll
    static void stop() {
        BACKEND.stop(0);
    }

    @Test
    void requestsPassWithinTheRedisTimeoutWhenRedisIsUnreachable() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            Instant started = Instant.now();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/products")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(3));
        }
    }
}
