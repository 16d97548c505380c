package com.toprise.infra;

import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.Api;
import com.toprise.infra.support.PlatformAdmin;
import com.toprise.infra.support.Shop;
import com.toprise.infra.support.UniqueIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service runs on the platform, is healthy with all its dependencies, and answers bad input with problems. */
@ExtendWith(EmbeddedPlatformExtension.class)
class ServicesIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    /**
     * service, a collection endpoint taking JSON, a valid body for a new code (%s), how to make a code no one has
     * used, a body with a wrong type and the field it names
     */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("user-service", "/api/pincodes",
                        "{\"code\":\"%s\",\"city\":\"Pune\",\"state\":\"Maharashtra\",\"serviceable\":true}",
                        (Function<Shop, String>) Shop::unusedPincode,
                        "{\"code\":\"560002\",\"city\":\"Bengaluru\",\"state\":\"Karnataka\",\"serviceable\":\"maybe\"}",
                        "serviceable"),
                Arguments.of("product-service", "/api/brands",
                        "{\"code\":\"%s\",\"name\":\"Bosch\",\"country\":\"Germany\"}",
                        (Function<Shop, String>) shop -> "BOSCH-" + UniqueIds.hex(8),
                        "{\"code\":\"MINDA\",\"name\":{\"first\":\"Minda\"}}", "name"),
                Arguments.of("order-service", "/api/return-reasons",
                        "{\"code\":\"%s\",\"label\":\"Part does not fit the vehicle\",\"requiresPhoto\":true}",
                        (Function<Shop, String>) shop -> "WRONG_FITMENT_" + UniqueIds.letters(8),
                        "{\"code\":\"DAMAGED\",\"label\":\"Damaged\",\"requiresPhoto\":[1]}", "requiresPhoto"),
                Arguments.of("notification-service", "/api/notifications/templates",
                        "{\"code\":\"%s\",\"channel\":\"SMS\",\"body\":\"Your order {{orderId}} is confirmed\"}",
                        (Function<Shop, String>) shop -> "ORDER_CONFIRMED_" + UniqueIds.hex(8),
                        "{\"code\":\"ORDER_SHIPPED\",\"channel\":\"PIGEON\",\"body\":\"x\"}", "channel"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void healthyAndAnswersBadInputWithProblemJson(String service, String path, String validTemplate,
                                                  Function<Shop, String> freshCode, String wrongType, String wrongField,
                                                  EmbeddedPlatform platform) throws Exception {
        String base = platform.serviceUrl(service);
        HttpResponse<String> health = get(base + "/actuator/health/readiness");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"mongo\"", "\"kafka\"", "\"elasticsearch\"", "\"redis\"", "\"rabbit\"")
                .doesNotContain("DOWN");

        token = PlatformAdmin.token(platform);
        String valid = validTemplate.formatted(freshCode.apply(new Shop(platform)));
        HttpResponse<String> created = post(base + path, valid);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(post(base + path, valid).statusCode()).as("duplicate").isEqualTo(409);

        assertProblem(post(base + path, "{\"code\": \"unterminated"), 400, "not valid JSON");
        assertProblem(post(base + path, wrongType), 400, "\"field\":\"" + wrongField + "\"");
        assertProblem(post(base + path, "{}"), 400, "\"errors\"");
        assertProblem(post(base + path, "{\"pad\":\"" + "x".repeat(1_200_000) + "\"}"), 413, "exceeds");
        assertProblem(get(base + path + "?size=101"), 400, "\"field\":\"size\"");
        assertProblem(get(base + path + "?sort=password,asc"), 400, "\"field\":\"sort\"");

        HttpResponse<String> page = get(base + path + "?page=0&size=1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"size\":1");
        assertThat(Api.json(page).path("items").size()).isEqualTo(1);

        HttpResponse<String> prometheus = get(base + "/actuator/prometheus");
        // a percentile histogram: P50/P95/P99 come from its buckets (histogram_quantile) across instances
        assertThat(prometheus.body()).contains("http_server_requests_seconds_bucket{", "le=\"");
    }

    @Test
    void gatewayRoutesToTheServicesAndCarriesTheRequestId(EmbeddedPlatform platform) throws Exception {
        HttpResponse<String> health = get(platform.gatewayUrl() + "/actuator/health");
        assertThat(health.body()).contains("\"UP\"");

        token = PlatformAdmin.token(platform);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/brands"))
                .header("Content-Type", "application/json").header("X-Request-Id", "it-gateway-1")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"LUMAX-" + UniqueIds.hex(8) + "\",\"name\":\"Lumax\"}"))
                .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Request-Id")).contains("it-gateway-1");

        assertProblem(post(platform.gatewayUrl() + "/api/pincodes", "[not json"), 400, "not valid JSON");
        assertThat(post(platform.gatewayUrl() + "/api/brands", "{\"pad\":\"" + "x".repeat(1_200_000) + "\"}")
                .statusCode()).isEqualTo(413);
    }

    private void assertProblem(HttpResponse<String> response, int status, String bodyContains) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(bodyContains).doesNotContain("Exception", "\tat ");
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
