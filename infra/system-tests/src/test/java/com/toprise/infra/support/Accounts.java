package com.toprise.infra.support;

import com.toprise.infra.platform.EmbeddedPlatform;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New signed-in accounts of any role, made through the gateway for the test that asks: customers sign themselves
 * up, the platform's Super-admin creates staff and dealers. Each call makes a new account, so no test shares a user
 * (its addresses, orders, audit entries, rate limit) with another.
 */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery";
    public static final String CUSTOMER_PHONE = "+919812345670";
    /** Every role of the permission matrix. */
    public static final List<String> ROLES = List.of("SUPER_ADMIN", "FULFILLMENT_ADMIN", "INVENTORY_ADMIN",
            "ANALYTICS_ADMIN", "EMPLOYEE", "DEALER", "CUSTOMER");
    private static final List<String> STAFF_ROLES = List.of("FULFILLMENT_ADMIN", "INVENTORY_ADMIN", "ANALYTICS_ADMIN",
            "EMPLOYEE");

    private final EmbeddedPlatform platform;
    private final Api api;

    public Accounts(EmbeddedPlatform platform) {
        this.platform = platform;
        this.api = new Api(platform.gatewayUrl());
    }

    /** A customer who registered itself with a phone (a courier calls it at the door), signed in. */
    public Api.Session customer() {
        String email = UniqueIds.email("customer");
        HttpResponse<String> created = api.post("/api/auth/register", null, """
                {"email": "%s", "password": "%s", "name": "Customer", "phone": "%s"}"""
                .formatted(email, PASSWORD, CUSTOMER_PHONE));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.login(email, PASSWORD);
    }

    /** A member of staff of this role (an admin role or EMPLOYEE) created by the Super-admin, signed in. */
    public Api.Session staff(String role) {
        String email = UniqueIds.email("staff");
        HttpResponse<String> created = createEmployee(PlatformAdmin.token(platform), email, role);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.login(email, PASSWORD);
    }

    /** A dealer at 560001 created by the Super-admin, signed in. */
    public Api.Session dealer() {
        String email = UniqueIds.email("dealer");
        HttpResponse<String> created = api.post("/api/dealers", PlatformAdmin.token(platform), """
                {"email": "%s", "password": "%s", "name": "Rao", "businessName": "Rao Motors", "gstin": "29ABCDE1234F1Z5",
                 "pincode": "560001"}""".formatted(email, PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.login(email, PASSWORD);
    }

    /** One signed-in account per role of {@link #ROLES}; the Super-admin is the platform's own. */
    public Map<String, Api.Session> oneOfEachRole() {
        Map<String, Api.Session> sessions = new LinkedHashMap<>();
        sessions.put("SUPER_ADMIN", PlatformAdmin.session(platform));
        STAFF_ROLES.forEach(role -> sessions.put(role, staff(role)));
        sessions.put("DEALER", dealer());
        sessions.put("CUSTOMER", customer());
        return sessions;
    }

    /** POST /api/employees as {@code token}, answered as it is: for tests of who may create whom. */
    public HttpResponse<String> createEmployee(String token, String email, String role) {
        return api.post("/api/employees", token, """
                {"email": "%s", "password": "%s", "name": "Staff", "role": "%s", "employeeCode": "E-%s"}"""
                .formatted(email, PASSWORD, role, UniqueIds.hex(8)));
    }
}
