package com.toprise.infra;

import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.Accounts;
import com.toprise.infra.support.TopicReader;
import com.toprise.infra.support.UniqueIds;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.UserCreated;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** user-service accounts and tokens: sign-up, login, /me, refresh rotation and reuse, logout, throttling. */
@ExtendWith(EmbeddedPlatformExtension.class)
class AuthIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = Accounts.PASSWORD;

    @Test
    void aCustomerSignsUpLogsInAndSeesItself(EmbeddedPlatform platform) throws Exception {
        String email = email();
        HttpResponse<String> created = post(platform, "/api/auth/register", """
                {"email": "%s", "password": "%s", "name": "Asha", "phone": "+919812345678", "role": "SUPER_ADMIN"}"""
                .formatted(email, PASSWORD));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode account = JSON.readTree(created.body());
        assertThat(account.path("role").asString()).as("self-registration makes customers").isEqualTo("CUSTOMER");
        assertThat(created.body()).doesNotContain("passwordHash").doesNotContain(PASSWORD);

        assertThat(post(platform, "/api/auth/register", registration(email)).statusCode()).isEqualTo(409);

        JsonNode tokens = login(platform, email, PASSWORD);
        assertThat(tokens.path("tokenType").asString()).isEqualTo("Bearer");
        HttpResponse<String> me = get(platform, "/api/users/me", tokens.path("accessToken").asString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).path("email").asString()).isEqualTo(email);
    }

    @Test
    void userCreatedLeavesThroughTheOutboxAndTheChangeStreamCarriesNoPasswordHash(EmbeddedPlatform platform) throws Exception {
        String email = email();
        String id;
        try (var events = new TopicReader<>(platform.kafkaBootstrapServers(), Topics.USER_CREATED);
             var changes = TopicReader.changeStream(platform.kafkaBootstrapServers(), "users", "users")) {
            id = JSON.readTree(post(platform, "/api/auth/register", registration(email)).body()).path("id").asString();
            List<ConsumerRecord<String, EventEnvelope<UserCreated>>> created =
                    events.read(r -> r.key().equals(id), 1, Duration.ofSeconds(60));
            assertThat(created).hasSize(1);
            assertThat(created.get(0).value().payload().email()).isEqualTo(email);
            List<ConsumerRecord<String, String>> cdc = changes.read(r -> r.key().contains(id), 1, Duration.ofSeconds(60));
            assertThat(cdc).hasSize(1);
            assertThat(cdc.get(0).value()).contains(email).doesNotContain("passwordHash");
        }
    }

    @Test
    void wrongPasswordsBadTokensAndInjectionsAreRefused(EmbeddedPlatform platform) throws Exception {
        String email = email();
        post(platform, "/api/auth/register", registration(email));
        assertThat(post(platform, "/api/auth/login", credentials(email, "not the password")).statusCode()).isEqualTo(401);

        HttpResponse<String> injection = post(platform, "/api/auth/login",
                "{\"email\": {\"$gt\": \"\"}, \"password\": {\"$gt\": \"\"}}");
        assertThat(injection.statusCode()).isEqualTo(400);
        assertThat(injection.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));

        String token = login(platform, email, PASSWORD).path("accessToken").asString();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("CUSTOMER", "SUPER_ADMIN");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        assertThat(get(platform, "/api/users/me", forged).statusCode()).isEqualTo(401);
        assertThat(get(platform, "/api/users/me", "garbage").statusCode()).isEqualTo(401);
        assertThat(get(platform, "/api/users/me", null).statusCode()).isEqualTo(401);

        HttpResponse<String> weak = post(platform, "/api/auth/register", """
                {"email": "%s", "password": "short", "name": "B"}""".formatted(email()));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("\"field\":\"password\"");
    }

    @Test
    void refreshRotatesAndReusingAnOldTokenRevokesTheFamily(EmbeddedPlatform platform) throws Exception {
        String email = email();
        post(platform, "/api/auth/register", registration(email));
        String first = login(platform, email, PASSWORD).path("refreshToken").asString();

        HttpResponse<String> rotated = post(platform, "/api/auth/refresh", refresh(first));
        assertThat(rotated.statusCode()).isEqualTo(200);
        String second = JSON.readTree(rotated.body()).path("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);

        assertThat(post(platform, "/api/auth/refresh", refresh(first)).statusCode()).as("reuse").isEqualTo(401);
        assertThat(post(platform, "/api/auth/refresh", refresh(second)).statusCode()).as("family revoked").isEqualTo(401);

        String other = login(platform, email, PASSWORD).path("refreshToken").asString();
        assertThat(post(platform, "/api/auth/logout", refresh(other)).statusCode()).isEqualTo(204);
        assertThat(post(platform, "/api/auth/refresh", refresh(other)).statusCode()).as("after logout").isEqualTo(401);
    }

    @Test
    void repeatedLoginsAreThrottledWith429AndRetryAfter(EmbeddedPlatform platform) throws Exception {
        String email = email();
        post(platform, "/api/auth/register", registration(email));
        int refused = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 7; i++) {
            last = post(platform, "/api/auth/login", credentials(email, "wrong password " + i));
            if (last.statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(2);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(post(platform, "/api/auth/login", credentials(email(), "x")).statusCode())
                .as("another account is not throttled").isEqualTo(401);
    }

    private static JsonNode login(EmbeddedPlatform platform, String email, String password) throws Exception {
        HttpResponse<String> response = post(platform, "/api/auth/login", credentials(email, password));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String registration(String email) {
        return "{\"email\": \"%s\", \"password\": \"%s\", \"name\": \"Test\"}".formatted(email, PASSWORD);
    }

    private static String credentials(String email, String password) {
        return "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password);
    }

    private static String refresh(String token) {
        return "{\"refreshToken\": \"%s\"}".formatted(token);
    }

    private static String email() {
        return UniqueIds.email("it");
    }

    private static HttpResponse<String> post(EmbeddedPlatform platform, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.serviceUrl("user-service") + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(EmbeddedPlatform platform, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.serviceUrl("user-service") + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
