package com.toprise.infra.support;

import com.toprise.infra.platform.EmbeddedPlatform;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marketplace as tests use it through the gateway: an admin puts products and stock in, customers with an
 * address place orders. Services learn each other's records from events, so the helpers that need a record to
 * have travelled (a product to order-service, an address to order-service) wait for it.
 */
public final class Shop {

    public static final String PASSWORD = "Correct-Horse-9";
    private static final Duration TRAVEL = Duration.ofSeconds(60);

    private final Api api;
    private final String admin;

    public Shop(EmbeddedPlatform platform) {
        this.api = new Api(platform.gatewayUrl());
        this.admin = PlatformAdmin.token(platform);
    }

    public Api api() {
        return api;
    }

    public String adminToken() {
        return admin;
    }

    /** A new product with a unique SKU in this status; returns the SKU. */
    public String product(String status, String price) {
        String sku = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HttpResponse<String> created = api.post("/api/products", admin, """
                {"sku": "%s", "name": "Brake pad set %s", "brand": "Bosch", "category": "Brakes", "subCategory": "Pads",
                 "type": "Disc", "status": "%s", "price": %s}""".formatted(sku, sku, status, price));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return sku;
    }

    public void stock(String sku, String dealerId, int delta) {
        HttpResponse<String> adjusted = api.post("/api/inventory/stock/adjustments", admin,
                "{\"sku\": \"%s\", \"dealerId\": \"%s\", \"delta\": %d, \"reason\": \"opening count\"}"
                        .formatted(sku, dealerId, delta));
        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(201);
    }

    /** A registered, signed-in customer with one delivery address at this pincode. */
    public Customer customer(String pincode) {
        String email = "buyer-" + UUID.randomUUID() + "@example.in";
        HttpResponse<String> registered = api.post("/api/auth/register", null,
                "{\"email\": \"%s\", \"password\": \"%s\", \"name\": \"Buyer\"}".formatted(email, PASSWORD));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        Api.Session session = api.login(email, PASSWORD);
        HttpResponse<String> address = api.post("/api/addresses", session.accessToken(), """
                {"label": "Garage", "line1": "12 MG Road", "city": "Bengaluru", "state": "Karnataka", "pincode": "%s"}"""
                .formatted(pincode));
        assertThat(address.statusCode()).as(address.body()).isEqualTo(201);
        return new Customer(session, Api.json(address).path("id").asString());
    }

    public HttpResponse<String> placeOrder(Customer customer, String idempotencyKey, String body) {
        Map<String, String> headers = idempotencyKey == null
                ? Map.of("Authorization", "Bearer " + customer.token())
                : Map.of("Authorization", "Bearer " + customer.token(), "Idempotency-Key", idempotencyKey);
        return api.sendWithHeaders("POST", "/api/orders", body, headers);
    }

    /** {"lines": [...], "deliveryAddressId": ...} of these SKUs and quantities. */
    public static String order(String addressId, Map<String, Integer> quantities) {
        String lines = quantities.entrySet().stream()
                .map(e -> "{\"sku\": \"%s\", \"quantity\": %d}".formatted(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return "{\"lines\": [%s], \"deliveryAddressId\": \"%s\"}".formatted(lines, addressId);
    }

    /** Waits until order-service knows the SKU (a cart accepts it), leaving the cart empty. */
    public void awaitOrderable(Customer customer, String sku) {
        await("order-service to learn " + sku, () -> {
            HttpResponse<String> put = api.put("/api/cart/items/" + sku, customer.token(), "{\"quantity\": 1}");
            if (put.statusCode() == 200) {
                api.delete("/api/cart/items/" + sku, customer.token());
                return true;
            }
            return false;
        });
    }

    /** Waits until order-service knows the customer's address: an order for a missing SKU no longer names it. */
    public void awaitAddressKnown(Customer customer) {
        await("order-service to learn address " + customer.addressId(), () -> {
            HttpResponse<String> probe = placeOrder(customer, UUID.randomUUID().toString(),
                    order(customer.addressId(), Map.of("NO-SUCH-PART", 1)));
            return probe.statusCode() == 400 && !probe.body().contains("deliveryAddressId");
        });
    }

    /** Polls the order until its status is no longer CREATED; returns it. */
    public JsonNode awaitVerdict(String token, String orderId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode order = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = api.get("/api/orders/" + orderId, token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            order = Api.json(response);
            if (!order.path("status").asString().equals("CREATED")) {
                return order;
            }
            sleep(200);
        }
        throw new AssertionError("order " + orderId + " still " + order + " after " + timeout);
    }

    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TRAVEL.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(250);
        }
        throw new AssertionError("waited " + TRAVEL.toSeconds() + " s for " + what);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A signed-in customer and the id of their delivery address. */
    public record Customer(Api.Session session, String addressId) {

        public String token() {
            return session.accessToken();
        }

        public String id() {
            return session.userId();
        }
    }
}
