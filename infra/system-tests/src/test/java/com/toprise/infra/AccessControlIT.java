package com.toprise.infra;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.Api;
import com.toprise.infra.support.Api.Session;
import com.toprise.infra.support.PlatformAdmin;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Roles, the permission matrix, ownership, token tampering, deactivation, rate limits and the audit log, all
 * through the gateway as clients see them.
 */
@Order(45)
@ExtendWith(EmbeddedPlatformExtension.class)
class AccessControlIT {

    private static final String PASSWORD = "correct horse battery";
    private static final List<String> ROLES = List.of("SUPER_ADMIN", "FULFILLMENT_ADMIN", "INVENTORY_ADMIN",
            "ANALYTICS_ADMIN", "EMPLOYEE", "DEALER", "CUSTOMER");

    /** One request per resource × action the services serve; the body is invalid on purpose, so nothing is made. */
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/users/me", "users", "READ", null),
            new Endpoint("GET", "/api/customers", "customers", "READ", null),
            new Endpoint("GET", "/api/dealers", "dealers", "READ", null),
            new Endpoint("POST", "/api/dealers", "dealers", "WRITE", "{}"),
            new Endpoint("GET", "/api/employees", "employees", "READ", null),
            new Endpoint("POST", "/api/employees", "employees", "WRITE", "{}"),
            new Endpoint("GET", "/api/addresses", "addresses", "READ", null),
            new Endpoint("POST", "/api/addresses", "addresses", "WRITE", "{}"),
            new Endpoint("DELETE", "/api/addresses/no-such-address", "addresses", "DELETE", null),
            new Endpoint("GET", "/api/pincodes", "pincodes", "READ", null),
            new Endpoint("POST", "/api/pincodes", "pincodes", "WRITE", "{}"),
            new Endpoint("PUT", "/api/pincodes/999999", "pincodes", "WRITE", "{}"),
            new Endpoint("GET", "/api/permissions", "permissions", "READ", null),
            new Endpoint("PUT", "/api/permissions/CUSTOMER/brands", "permissions", "WRITE", "{}"),
            new Endpoint("GET", "/api/audit", "audit", "READ", null),
            new Endpoint("POST", "/api/brands", "brands", "WRITE", "{}"),
            new Endpoint("POST", "/api/categories", "categories", "WRITE", "{}"),
            new Endpoint("GET", "/api/inventory/stock", "inventory", "READ", null),
            new Endpoint("POST", "/api/inventory/stock/adjustments", "inventory", "WRITE", "{}"),
            new Endpoint("GET", "/api/inventory/NO-SUCH-SKU", "inventory", "READ", null),
            new Endpoint("GET", "/api/orders", "orders", "READ", null),
            new Endpoint("GET", "/api/orders/no-such-order", "orders", "READ", null),
            new Endpoint("POST", "/api/orders", "orders", "WRITE", "{}"),
            new Endpoint("GET", "/api/cart", "carts", "READ", null),
            new Endpoint("PUT", "/api/cart/items/NO-SUCH-SKU", "carts", "WRITE", "{}"),
            new Endpoint("POST", "/api/cart/checkout", "carts", "WRITE", "{}"),
            new Endpoint("GET", "/api/wishlist", "wishlist", "READ", null),
            new Endpoint("DELETE", "/api/wishlist/NO-SUCH-SKU", "wishlist", "DELETE", null),
            new Endpoint("POST", "/api/products", "products", "WRITE", "{}"),
            new Endpoint("GET", "/api/return-reasons", "return-reasons", "READ", null),
            new Endpoint("POST", "/api/return-reasons", "return-reasons", "WRITE", "{}"),
            new Endpoint("GET", "/api/notifications/templates", "templates", "READ", null),
            new Endpoint("POST", "/api/notifications/templates", "templates", "WRITE", "{}"));

    private static Map<String, Session> sessions;

    @Test
    void everyRoleGetsExactlyWhatTheMatrixSays(EmbeddedPlatform platform) {
        Api api = new Api(platform.gatewayUrl());
        Map<String, String> matrix = matrix(api, PlatformAdmin.token(platform));
        Map<String, Session> users = sessions(platform);
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String role : ROLES) {
            for (Endpoint endpoint : ENDPOINTS) {
                String scope = matrix.getOrDefault(role + "|" + endpoint.resource + "|" + endpoint.action, "NONE");
                HttpResponse<String> response = api.send(endpoint.method, endpoint.path,
                        users.get(role).accessToken(), endpoint.body);
                boolean allowed = !scope.equals("NONE");
                int status = response.statusCode();
                boolean ok = allowed ? status != 401 && status != 403 && status < 500 : status == 403;
                if (!ok) {
                    mismatches.add(role + " " + endpoint.method + " " + endpoint.path + " (" + scope + ") -> " + status
                            + " " + response.body());
                }
                checked++;
            }
        }
        for (Endpoint endpoint : ENDPOINTS) {
            int status = api.send(endpoint.method, endpoint.path, null, endpoint.body).statusCode();
            if (status != 401) {
                mismatches.add("anonymous " + endpoint.method + " " + endpoint.path + " -> " + status);
            }
        }
        assertThat(mismatches).as("checked %d role × endpoint pairs", checked).isEmpty();
        assertThat(matrix.get("CUSTOMER|permissions|WRITE")).isEqualTo("NONE");
        assertThat(matrix.get("SUPER_ADMIN|audit|READ")).isEqualTo("ALL");
    }

    @Test
    void aMatrixEditBySuperAdminChangesTheOutcomeEverywhereWithinSeconds(EmbeddedPlatform platform) {
        Api api = new Api(platform.gatewayUrl());
        String admin = PlatformAdmin.token(platform);
        String customer = sessions(platform).get("CUSTOMER").accessToken();
        assertThat(api.post("/api/brands", customer, "{}").statusCode()).isEqualTo(403);

        HttpResponse<String> granted = api.put("/api/permissions/CUSTOMER/brands", admin,
                "{\"read\": \"ALL\", \"write\": \"ALL\", \"delete\": \"NONE\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        Instant editedAt = Instant.now();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.post("/api/brands", customer, "{}").statusCode() == 400);
        System.out.printf("matrix edit in force in product-service after %d ms%n",
                Duration.between(editedAt, Instant.now()).toMillis());

        assertThat(api.put("/api/permissions/CUSTOMER/brands", admin,
                "{\"read\": \"ALL\", \"write\": \"NONE\", \"delete\": \"NONE\"}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.post("/api/brands", customer, "{}").statusCode() == 403);

        assertThat(api.put("/api/permissions/SUPER_ADMIN/permissions", admin,
                "{\"read\": \"ALL\", \"write\": \"NONE\", \"delete\": \"NONE\"}").statusCode())
                .as("Super-admin cannot lock everyone out of the matrix").isEqualTo(409);
        assertThat(api.put("/api/permissions/CUSTOMER/brands", admin, "{\"read\": \"EVERYTHING\", \"write\": \"NONE\", \"delete\": \"NONE\"}")
                .statusCode()).isEqualTo(400);
        assertThat(api.put("/api/permissions/CUSTOMER/brands", customer,
                "{\"read\": \"ALL\", \"write\": \"ALL\", \"delete\": \"ALL\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void tamperedForeignExpiredAndUnsignedTokensAreRefusedWith401(EmbeddedPlatform platform) throws Exception {
        Api api = new Api(platform.gatewayUrl());
        Session customer = sessions(platform).get("CUSTOMER");
        PrivateKey ourKey = privateKey(platform.settings().dataDir().resolve("secrets/jwt-private.pem"));
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        String[] parts = customer.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("CUSTOMER", "SUPER_ADMIN");
        tokens.put("changed payload", parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes()) + "." + parts[2]);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        tokens.put("wrong key", rs256(generator.generateKeyPair().getPrivate(), claims(customer.userId(), "toprise", now.plusSeconds(600))));
        tokens.put("expired", rs256(ourKey, claims(customer.userId(), "toprise", now.minusSeconds(120))));
        tokens.put("wrong issuer", rs256(ourKey, claims(customer.userId(), "evil", now.plusSeconds(600))));
        tokens.put("alg none", new PlainJWT(claims(customer.userId(), "toprise", now.plusSeconds(600))).serialize());
        byte[] publicKey = Files.readAllBytes(platform.settings().dataDir().resolve("secrets/jwt-public.pem"));
        SignedJWT confused = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(customer.userId(), "toprise", now.plusSeconds(600)));
        confused.sign(new MACSigner(publicKey));
        tokens.put("HS256 with the public key", confused.serialize());

        assertThat(api.get("/api/users/me", rs256(ourKey, claims(customer.userId(), "toprise", now.plusSeconds(600))))
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
        String email = email();
        String id = Api.json(createEmployee(api, admin, email, "EMPLOYEE")).path("id").asString();
        Session employee = api.login(email, PASSWORD);
        assertThat(api.get("/api/users/me", employee.accessToken()).statusCode()).isEqualTo(200);

        assertThat(api.post("/api/employees/" + id + "/deactivate", admin, null).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/users/me", employee.accessToken()).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/products", employee.accessToken()).statusCode()).as("in another service too").isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", null, "{\"refreshToken\": \"" + employee.refreshToken() + "\"}")
                .statusCode()).isEqualTo(401);
        assertThat(api.post("/api/auth/login", null, credentials(email)).statusCode()).isEqualTo(401);

        assertThat(api.post("/api/employees/" + id + "/activate", admin, null).statusCode()).isEqualTo(200);
        Session again = api.login(email, PASSWORD);
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/users/me", again.accessToken()).statusCode() == 200);

        String adminId = PlatformAdmin.session(platform).userId();
        assertThat(api.post("/api/employees/" + adminId + "/deactivate", admin, null).statusCode())
                .as("an admin cannot lock itself out").isEqualTo(409);
    }

    @Test
    void aCustomerSeesOnlyItsOwnAddressesAndOnlyServiceablePincodes(EmbeddedPlatform platform) {
        Api api = new Api(platform.gatewayUrl());
        Session asha = sessions(platform).get("CUSTOMER");
        Session ravi = register(api);
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
    void aCustomerCannotRaiseItsOwnRoleNorInjectOperators(EmbeddedPlatform platform) {
        Api api = new Api(platform.gatewayUrl());
        String email = email();
        HttpResponse<String> created = api.post("/api/auth/register", null, """
                {"email": "%s", "password": "%s", "name": "Mallory", "role": "SUPER_ADMIN", "active": true,
                 "employee": {"employeeCode": "X"}}""".formatted(email, PASSWORD));
        assertThat(Api.json(created).path("role").asString()).isEqualTo("CUSTOMER");
        Session mallory = api.login(email, PASSWORD);
        assertThat(createEmployee(api, mallory.accessToken(), email(), "SUPER_ADMIN").statusCode()).isEqualTo(403);
        assertThat(api.put("/api/permissions/CUSTOMER/permissions", mallory.accessToken(),
                "{\"read\": \"ALL\", \"write\": \"ALL\", \"delete\": \"ALL\"}").statusCode()).isEqualTo(403);
        assertThat(Api.json(api.get("/api/users/me", mallory.accessToken())).path("role").asString()).isEqualTo("CUSTOMER");

        HttpResponse<String> injection = api.post("/api/auth/login", null,
                "{\"email\": {\"$gt\": \"\"}, \"password\": {\"$gt\": \"\"}}");
        assertThat(injection.statusCode()).isEqualTo(400);
        assertThat(api.get("/api/customers?sort=passwordHash,asc", PlatformAdmin.token(platform)).statusCode()).isEqualTo(400);
    }

    @Test
    void aFloodGets429WithRetryAfterAndOthersAreStillServed(EmbeddedPlatform platform) throws Exception {
        Api api = new Api(platform.gatewayUrl());
        Session flooder = register(api);
        Session bystander = sessions(platform).get("CUSTOMER");
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
        String requestId = "it-audit-" + UUID.randomUUID().toString().substring(0, 8);
        String code = "AUD" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        HttpResponse<String> created = api.sendWithHeaders("POST", "/api/brands", "{\"code\":\"" + code + "\",\"name\":\"Audited\"}",
                Map.of("Authorization", "Bearer " + admin.accessToken(), "X-Request-Id", requestId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Session customer = sessions(platform).get("CUSTOMER");
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
                "{\"name\": \"Clutch %s\"}".formatted(UUID.randomUUID().toString().substring(0, 8)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String categoryId = Api.json(created).path("id").asString();
        String dealerId = sessions(platform).get("DEALER").userId();

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
        Session dealerSession = sessions(platform).get("DEALER");
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

    private static synchronized Map<String, Session> sessions(EmbeddedPlatform platform) {
        if (sessions != null) {
            return sessions;
        }
        Api api = new Api(platform.gatewayUrl());
        String admin = PlatformAdmin.token(platform);
        Map<String, Session> made = new HashMap<>();
        made.put("SUPER_ADMIN", PlatformAdmin.session(platform));
        for (String role : List.of("FULFILLMENT_ADMIN", "INVENTORY_ADMIN", "ANALYTICS_ADMIN", "EMPLOYEE")) {
            String email = email();
            HttpResponse<String> created = createEmployee(api, admin, email, role);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            made.put(role, api.login(email, PASSWORD));
        }
        String dealerEmail = email();
        HttpResponse<String> dealer = api.post("/api/dealers", admin, """
                {"email": "%s", "password": "%s", "name": "Rao", "businessName": "Rao Motors", "gstin": "29ABCDE1234F1Z5",
                 "pincode": "560001"}""".formatted(dealerEmail, PASSWORD));
        assertThat(dealer.statusCode()).as(dealer.body()).isEqualTo(201);
        made.put("DEALER", api.login(dealerEmail, PASSWORD));
        made.put("CUSTOMER", register(api));
        sessions = Map.copyOf(made);
        return sessions;
    }

    private static Map<String, String> matrix(Api api, String adminToken) {
        Map<String, String> cells = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode body = Api.json(api.get("/api/permissions?size=100&page=" + page, adminToken));
            for (JsonNode row : body.path("items")) {
                for (String action : List.of("read", "write", "delete")) {
                    cells.put(row.path("role").asString() + "|" + row.path("resource").asString() + "|"
                            + action.toUpperCase(), row.path(action).asString());
                }
            }
            if (page + 1 >= body.path("totalPages").asInt()) {
                return cells;
            }
        }
    }

    private static HttpResponse<String> createEmployee(Api api, String token, String email, String role) {
        return api.post("/api/employees", token, """
                {"email": "%s", "password": "%s", "name": "Staff", "role": "%s", "employeeCode": "E-%s"}"""
                .formatted(email, PASSWORD, role, UUID.randomUUID().toString().substring(0, 8)));
    }

    private static Session register(Api api) {
        String email = email();
        HttpResponse<String> created = api.post("/api/auth/register", null,
                "{\"email\": \"%s\", \"password\": \"%s\", \"name\": \"Customer\"}".formatted(email, PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.login(email, PASSWORD);
    }

    private static String address(String pincode) {
        return """
                {"label": "Home", "line1": "12 MG Road", "city": "Bengaluru", "state": "Karnataka", "pincode": "%s"}"""
                .formatted(pincode);
    }

    private static String credentials(String email) {
        return "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, PASSWORD);
    }

    private static String email() {
        return "acl-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static JWTClaimsSet claims(String userId, String issuer, Instant expires) {
        return new JWTClaimsSet.Builder().subject(userId).issuer(issuer).audience("toprise-api").claim("role", "CUSTOMER")
                .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires)).build();
    }

    private static String rs256(PrivateKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private record Endpoint(String method, String path, String resource, String action, String body) {
    }
}
