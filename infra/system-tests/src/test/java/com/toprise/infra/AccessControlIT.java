package com.toprise.infra;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.Accounts;
import com.toprise.infra.support.Api;
import com.toprise.infra.support.Api.Session;
import com.toprise.infra.support.PlatformAdmin;
import com.toprise.infra.support.UniqueIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.toprise.infra.support.ForgedTokens.customerClaims;
import static com.toprise.infra.support.ForgedTokens.privateKey;
import static com.toprise.infra.support.ForgedTokens.rs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, beyond the permission matrix ({@link PermissionMatrixIT}): tampered and foreign tokens,
 * deactivation, ownership of addresses, rate limits, the audit log, dealers' categories and the API docs, all
 * through the gateway as clients see them.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class AccessControlIT {

    @Test
    void tamperedForeignExpiredAndUnsignedTokensAreRefusedWith401(EmbeddedPlatform platform) throws Exception {
        Api api = new Api(platform.gatewayUrl());
        Session customer = new Accounts(platform).customer();
        PrivateKey ourKey = privateKey(platform.settings().dataDir().resolve("secrets/jwt-private.pem"));
        Instant now = Instant.now();
        JWTClaimsSet valid = customerClaims(customer.userId(), "toprise", now.plusSeconds(600));
        Map<String, String> tokens = new LinkedHashMap<>();
        String[] parts = customer.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("CUSTOMER", "SUPER_ADMIN");
        tokens.put("changed payload", parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes()) + "." + parts[2]);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        tokens.put("wrong key", rs256(generator.generateKeyPair().getPrivate(), valid));
        tokens.put("expired", rs256(ourKey, customerClaims(customer.userId(), "toprise", now.minusSeconds(120))));
        tokens.put("wrong issuer", rs256(ourKey, customerClaims(customer.userId(), "evil", now.plusSeconds(600))));
        tokens.put("alg none", new PlainJWT(valid).serialize());
        byte[] publicKey = Files.readAllBytes(platform.settings().dataDir().resolve("secrets/jwt-public.pem"));
        SignedJWT confused = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), valid);
        confused.sign(new MACSigner(publicKey));
        tokens.put("HS256 with the public key", confused.serialize());

        assertThat(api.get("/api/users/me", rs256(ourKey, valid))
                .statusCode()).as("a well-made token is accepted, so the refusals below are about the tampering").isEqualTo(200);
        tokens.forEach((what, token) -> {
            HttpResponse<String> response = api.get("/api/users/me", token);
            assertThat(response.statusCode()).as(what).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(what)
                    .hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
            assertThat(response.body()).as(what).doesNotContain("Exception");
        });
    }

    @Test
    void aDeactivatedEmployeeIsRefusedFromItsNextCallAndItsRefreshTokenDies(EmbeddedPlatform platform) {
        Api api = new Api(platform.gatewayUrl());
        String admin = PlatformAdmin.token(platform);
        Accounts accounts = new Accounts(platform);
        String email = UniqueIds.email("acl");
        String id = Api.json(accounts.createEmployee(admin, email, "EMPLOYEE")).path("id").asString();
        Session employee = api.login(email, Accounts.PASSWORD);
        assertThat(api.get("/api/users/me", employee.accessToken()).statusCode()).isEqualTo(200);

        assertThat(api.post("/api/employees/" + id + "/deactivate", admin, null).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/users/me", employee.accessToken()).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/products", employee.accessToken()).statusCode()).as("in another service too").isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", null, "{\"refreshToken\": \"" + employee.refreshToken() + "\"}")
                .statusCode()).isEqualTo(401);
        assertThat(api.post("/api/auth/login", null, credentials(email)).statusCode()).isEqualTo(401);

        assertThat(api.post("/api/employees/" + id + "/activate", admin, null).statusCode()).isEqualTo(200);
        Session again = api.login(email, Accounts.PASSWORD);
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/users/me", again.accessToken()).statusCode() == 200);

        String adminId = PlatformAdmin.session(platform).userId();
        assertThat(api.post("/api/employees/" + adminId + "/deactivate", admin, null).statusCode())
                .as("an admin cannot lock itself out").isEqualTo(409);
    }

    @Test
    void aCustomerSeesOnlyItsOwnAddressesAndOnlyServiceablePincodes(EmbeddedPlatform platform) {
        Api api = new Api(platform.gatewayUrl());
        Accounts accounts = new Accounts(platform);
        Session asha = accounts.customer();
        Session ravi = accounts.customer();
        HttpResponse<String> added = api.post("/api/addresses", asha.accessToken(), address("560001"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String id = Api.json(added).path("id").asString();
        assertThat(Api.json(added).path("userId").asString()).isEqualTo(asha.userId());

        assertThat(api.get("/api/addresses/" + id, asha.accessToken()).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/addresses/" + id, ravi.accessToken()).statusCode()).isEqualTo(404);
        assertThat(api.put("/api/addresses/" + id, ravi.accessToken(), address("400001")).statusCode()).isEqualTo(404);
        assertThat(api.delete("/api/addresses/" + id, ravi.accessToken()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/addresses?userId=" + asha.userId(), ravi.accessToken()).body()).doesNotContain(id);
        assertThat(api.get("/api/addresses/" + id, PlatformAdmin.token(platform)).statusCode())
                .as("Super-admin sees all").isEqualTo(200);

        HttpResponse<String> remote = api.post("/api/addresses", asha.accessToken(), address("194101"));
        assertThat(remote.statusCode()).isEqualTo(400);
        assertThat(remote.body()).contains("\"field\":\"pincode\"", "serviceable");
        assertThat(api.post("/api/addresses", asha.accessToken(), address("999999")).statusCode()).isEqualTo(400);
        assertThat(api.delete("/api/addresses/" + id, asha.accessToken()).statusCode()).isEqualTo(204);
    }

    @Test
    void aFloodGets429WithRetryAfterAndOthersAreStillServed(EmbeddedPlatform platform) throws Exception {
        Api api = new Api(platform.gatewayUrl());
        Accounts accounts = new Accounts(platform);
        Session flooder = accounts.customer();
        Session bystander = accounts.customer();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                flood.add(CompletableFuture.supplyAsync(() -> api.get("/api/users/me", flooder.accessToken()), pool));
            }
            Instant asked = Instant.now();
            HttpResponse<String> served = api.get("/api/users/me", bystander.accessToken());
            Duration took = Duration.between(asked, Instant.now());
            List<HttpResponse<String>> answers = flood.stream().map(CompletableFuture::join).toList();
            long limited = answers.stream().filter(r -> r.statusCode() == 429).count();
            long ok = answers.stream().filter(r -> r.statusCode() == 200).count();
            System.out.printf("flood: %d ok, %d limited; a bystander's call took %d ms%n", ok, limited, took.toMillis());
            assertThat(limited).isPositive();
            assertThat(ok + limited).isEqualTo(answers.size());
            HttpResponse<String> refused = answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(served.statusCode()).as("another user is not limited by the flood").isEqualTo(200);
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            Thread.sleep(Duration.ofSeconds(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).toMillis());
            await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/users/me", flooder.accessToken()).statusCode() == 200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void stateChangingRequestsOfEveryServiceAreAuditedForSuperAdmin(EmbeddedPlatform platform) {
        Api api = new Api(platform.gatewayUrl());
        Session admin = PlatformAdmin.session(platform);
        String requestId = "it-audit-" + UniqueIds.hex(8).toLowerCase();
        String code = "AUD" + UniqueIds.hex(6);
        HttpResponse<String> created = api.sendWithHeaders("POST", "/api/brands", "{\"code\":\"" + code + "\",\"name\":\"Audited\"}",
                Map.of("Authorization", "Bearer " + admin.accessToken(), "X-Request-Id", requestId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Session customer = new Accounts(platform).customer();
        assertThat(api.post("/api/notifications/templates", customer.accessToken(), "{}").statusCode()).isEqualTo(403);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode page = Api.json(api.get("/api/audit?requestId=" + requestId, admin.accessToken()));
            assertThat(page.path("items").size()).isEqualTo(1);
            JsonNode entry = page.path("items").get(0);
            assertThat(entry.path("service").asString()).isEqualTo("product-service");
            assertThat(entry.path("actorId").asString()).isEqualTo(admin.userId());
            assertThat(entry.path("role").asString()).isEqualTo("SUPER_ADMIN");
            assertThat(entry.path("resource").asString()).isEqualTo("brands");
            assertThat(entry.path("action").asString()).isEqualTo("WRITE");
            assertThat(entry.path("resourceId").asString()).isEqualTo(code);
            assertThat(entry.path("outcome").asString()).isEqualTo("SUCCEEDED");
            assertThat(entry.path("at").asString()).isNotBlank();
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode denied = Api.json(api.get("/api/audit?actorId=" + customer.userId() + "&outcome=DENIED&service="
                    + "notification-service&size=5", admin.accessToken()));
            assertThat(denied.path("totalItems").asLong()).isPositive();
            assertThat(denied.path("items").get(0).path("status").asInt()).isEqualTo(403);
        });
        assertThat(api.get("/api/audit", customer.accessToken()).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/audit?outcome=MAYBE", admin.accessToken()).statusCode()).isEqualTo(400);
    }

    @Test
    void dealerCategoriesAreCheckedAgainstTheCatalogsTree(EmbeddedPlatform platform) {
        Api api = new Api(platform.gatewayUrl());
        String admin = PlatformAdmin.token(platform);
        HttpResponse<String> created = api.post("/api/categories", admin,
                "{\"name\": \"Clutch %s\"}".formatted(UniqueIds.hex(8)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String categoryId = Api.json(created).path("id").asString();
        Session dealerSession = new Accounts(platform).dealer();
        String dealerId = dealerSession.userId();

        HttpResponse<String> unknown = api.put("/api/dealers/" + dealerId + "/categories", admin,
                "{\"categories\": [\"no-such-category\"]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("categories[0]");
        // user-service learns the new category from CATEGORY_UPDATED: outbox → CDC → router → its consumer
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> api.put(
                "/api/dealers/" + dealerId + "/categories", admin,
                "{\"categories\": [\"" + categoryId + "\"]}").statusCode() == 200);
        HttpResponse<String> dealer = api.get("/api/dealers/" + dealerId, admin);
        assertThat(dealer.body()).contains(categoryId);
        assertThat(api.put("/api/dealers/" + dealerId + "/categories", dealerSession.accessToken(),
                "{\"categories\": []}").statusCode()).as("a dealer does not pick its own categories").isEqualTo(403);
    }

    @Test
    void everyServicesOpenApiIsReachableThroughTheGateway(EmbeddedPlatform platform) {
        Api api = new Api(platform.gatewayUrl());
        Map<String, String> expectedPaths = Map.of("user-service", "/api/addresses", "product-service", "/api/products",
                "order-service", "/api/return-reasons", "notification-service", "/api/notifications/templates");
        expectedPaths.forEach((service, path) -> {
            HttpResponse<String> docs = api.get("/api-docs/" + service, null);
            assertThat(docs.statusCode()).as(service).isEqualTo(200);
            JsonNode spec = Api.json(docs);
            assertThat(spec.path("openapi").asString()).as(service).startsWith("3.");
            assertThat(spec.path("paths").has(path)).as(service + " documents " + path).isTrue();
        });
    }

    private static String address(String pincode) {
        return """
                {"label": "Home", "line1": "12 MG Road", "city": "Bengaluru", "state": "Karnataka", "pincode": "%s"}"""
                .formatted(pincode);
    }

    private static String credentials(String email) {
        return "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, Accounts.PASSWORD);
    }
}
