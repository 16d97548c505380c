package com.toprise.infra.bench;

import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A dealer the benchmark's stock belongs to, set up as a marketplace would: an account the Super-admin onboards,
 * assigned the category of the benchmark's parts, with a profile that serves every benchmark customer (business
 * address at the customers' pincode, shipping nationwide). The assignment rule gives an order only to such a
 * dealer. On a platform that has no profiles yet (older code), the profile call is refused and the dealer takes
 * orders without it, so the same benchmark runs on both sides of a comparison. Its token is the dealer's own, for
 * the work on its fulfilments.
 */
record BenchDealer(String id, String token) {

    static final String CATEGORY = "Brakes";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "bench dealer password";

    /** @return the dealer, logged in, to stock */
    static BenchDealer onboard(BenchHttp http, String admin, String pincode) {
        String email = "bench-dealer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        BenchHttp.Response created = BenchHttp.expect(201, http.post("/api/dealers", """
                {"email":"%s","password":"%s","name":"Bench","businessName":"Bench Motors","gstin":"29ABCDE1234F1Z5",
                 "pincode":"%s"}""".formatted(email, PASSWORD, pincode), admin));
        String dealerId = JSON.readTree(created.body()).path("id").asString();
        int category = http.post("/api/categories", "{\"name\":\"" + CATEGORY + "\"}", admin).statusCode();
        if (category != 201 && category != 409) {
            throw new IllegalStateException("cannot create category " + CATEGORY + ": " + category);
        }
        // user-service learns the category from product-service's events; until then the assignment is a 400
        if (!IntakeShop.await(Duration.ofSeconds(120), () -> http.send("PUT", "/api/dealers/" + dealerId + "/categories",
                "{\"categories\":[\"brakes\"]}", admin, Map.of()).statusCode() == 200)) {
            throw new IllegalStateException("user-service did not learn category " + CATEGORY);
        }
        String token = JSON.readTree(BenchHttp.expect(200, http.post("/api/auth/login",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD), null)).body())
                .path("accessToken").asString();
        int profile = http.send("PUT", "/api/dealers/" + dealerId + "/profile", """
                {"address":{"line1":"1 Bench Road","city":"Bengaluru","state":"Karnataka","pincode":"%s"},
                 "phone":"+919800000000","serviceArea":{"pincodes":["%s"],"radiusKm":500}}"""
                .formatted(pincode, pincode), token, Map.of())
                .statusCode();
        if (profile != 200 && profile != 404 && profile != 405) {
            throw new IllegalStateException("the dealer profile was refused: " + profile);
        }
        return new BenchDealer(dealerId, token);
    }
}
