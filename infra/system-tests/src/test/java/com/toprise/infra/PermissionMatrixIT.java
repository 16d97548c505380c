package com.toprise.infra;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The permission matrix as clients meet it through the gateway: every role gets exactly what its cells say on every
 * service, a Super-admin's edit is in force everywhere within seconds, and no customer can raise its own role.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class PermissionMatrixIT {

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

    @Test
    void everyRoleGetsExactlyWhatTheMatrixSays(EmbeddedPlatform platform) {
        Api api = new Api(platform.gatewayUrl());
        Map<String, String> matrix = matrix(api, PlatformAdmin.token(platform));
        Map<String, Session> users = new Accounts(platform).oneOfEachRole();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String role : Accounts.ROLES) {
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
        String customer = new Accounts(platform).customer().accessToken();
        assertThat(api.post("/api/brands", customer, "{}").statusCode()).isEqualTo(403);
        Map<String, String> before = matrix(api, admin);
        try {
            editTheMatrixAndWatchItTakeEffect(api, admin, customer);
        } finally {
            // the matrix is shared: whatever failed above, the next test (in any order) meets the matrix as it was
            api.put("/api/permissions/CUSTOMER/brands", admin, "{\"read\": \"%s\", \"write\": \"%s\", \"delete\": \"%s\"}"
                    .formatted(before.get("CUSTOMER|brands|READ"), before.get("CUSTOMER|brands|WRITE"),
                            before.get("CUSTOMER|brands|DELETE")));
        }
    }

    private static void editTheMatrixAndWatchItTakeEffect(Api api, String admin, String customer) {
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
    void aCustomerCannotRaiseItsOwnRoleNorInjectOperators(EmbeddedPlatform platform) {
        Api api = new Api(platform.gatewayUrl());
        String email = UniqueIds.email("acl");
        HttpResponse<String> created = api.post("/api/auth/register", null, """
                {"email": "%s", "password": "%s", "name": "Mallory", "role": "SUPER_ADMIN", "active": true,
                 "employee": {"employeeCode": "X"}}""".formatted(email, Accounts.PASSWORD));
        assertThat(Api.json(created).path("role").asString()).isEqualTo("CUSTOMER");
        Session mallory = api.login(email, Accounts.PASSWORD);
        assertThat(new Accounts(platform).createEmployee(mallory.accessToken(), UniqueIds.email("acl"), "SUPER_ADMIN")
                .statusCode()).isEqualTo(403);
        assertThat(api.put("/api/permissions/CUSTOMER/permissions", mallory.accessToken(),
                "{\"read\": \"ALL\", \"write\": \"ALL\", \"delete\": \"ALL\"}").statusCode()).isEqualTo(403);
        assertThat(Api.json(api.get("/api/users/me", mallory.accessToken())).path("role").asString()).isEqualTo("CUSTOMER");

        HttpResponse<String> injection = api.post("/api/auth/login", null,
                "{\"email\": {\"$gt\": \"\"}, \"password\": {\"$gt\": \"\"}}");
        assertThat(injection.statusCode()).isEqualTo(400);
        assertThat(api.get("/api/customers?sort=passwordHash,asc", PlatformAdmin.token(platform)).statusCode()).isEqualTo(400);
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

    private record Endpoint(String method, String path, String resource, String action, String body) {
    }
}
