package com.toprise.infra.support;

import com.toprise.infra.platform.EmbeddedPlatform;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marketplace as tests use it through the gateway: an admin puts products and stock in, customers with an
 * address place orders. Services learn each other's records from events, so the helpers that need a record to
 * have travelled (a product to order-service, an address to order-service) wait for it.
 */
public final class Shop {

    /** The top category of {@link #product(String, String)}'s products (its path: Brakes / Pads / Disc). */
    public static final String CATEGORY = "Brakes";
    private static final Duration TRAVEL = Duration.ofSeconds(60);

    private final Api api;
    private final String admin;
    private final Accounts accounts;

    public Shop(EmbeddedPlatform platform) {
        this.api = new Api(platform.gatewayUrl());
        this.admin = PlatformAdmin.token(platform);
        this.accounts = new Accounts(platform);
    }

    public Api api() {
        return api;
    }

    public String adminToken() {
        return admin;
    }

    /** A new product with a unique SKU in this status, in the {@link #CATEGORY} category; returns the SKU. */
    public String product(String status, String price) {
        return product(status, price, CATEGORY);
    }

    /** A new product with a unique SKU in this status, placed under the category of this name; returns the SKU. */
    public String product(String status, String price, String category) {
        String sku = UniqueIds.sku();
        HttpResponse<String> created = api.post("/api/products", admin, """
                {"sku": "%s", "name": "Brake pad set %s", "brand": "Bosch", "category": "%s", "subCategory": "Pads",
                 "type": "Disc", "status": "%s", "price": %s}""".formatted(sku, sku, category, status, price));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return sku;
    }

    /** Adds (or takes away) stock of a dealer; returns the stock level it answers. */
    public JsonNode stock(String sku, String dealerId, int delta) {
        HttpResponse<String> adjusted = adjustStock(sku, dealerId, delta, "opening count");
        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(201);
        return Api.json(adjusted);
    }

    /** POST /api/inventory/stock/adjustments as the admin, answered as it is. */
    public HttpResponse<String> adjustStock(String sku, String dealerId, int delta, String reason) {
        return api.post("/api/inventory/stock/adjustments", admin,
                "{\"sku\": \"%s\", \"dealerId\": \"%s\", \"delta\": %d, \"reason\": \"%s\"}"
                        .formatted(sku, dealerId, delta, reason));
    }

    /** A six-digit pincode user-service does not know yet (the seed's and other tests' are taken). */
    public String unusedPincode() {
        while (true) {
            String code = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
            if (api.get("/api/pincodes/" + code, null).statusCode() == 404) {
                return code;
            }
        }
    }

    /** A new serviceable pincode of this city; returns the code. */
    public String servedPincode(String city, String state) {
        String code = unusedPincode();
        HttpResponse<String> created = api.post("/api/pincodes", admin, """
                {"code": "%s", "city": "%s", "state": "%s", "serviceable": true}""".formatted(code, city, state));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return code;
    }

    /** A registered, signed-in customer with one delivery address at this pincode. */
    public Customer customer(String pincode) {
        return customer("12 MG Road", pincode);
    }

    /** A registered, signed-in customer with one delivery address in Bengaluru: this street, this pincode. */
    public Customer customer(String street, String pincode) {
        Api.Session session = accounts.customer();
        HttpResponse<String> address = api.post("/api/addresses", session.accessToken(), """
                {"label": "Garage", "line1": "%s", "city": "Bengaluru", "state": "Karnataka", "pincode": "%s"}"""
                .formatted(street, pincode));
        assertThat(address.statusCode()).as(address.body()).isEqualTo(201);
        JsonNode saved = Api.json(address);
        return new Customer(session, saved.path("id").asString(), saved.path("location"));
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

    /** product-service's stock document of the SKU at the dealer ({@code onHand}, its recent adjustments). */
    public JsonNode stockDocument(String sku, String dealerId) {
        HttpResponse<String> stock = api.get("/api/inventory/stock/" + sku + "/" + dealerId, admin);
        assertThat(stock.statusCode()).as(stock.body()).isEqualTo(200);
        return Api.json(stock);
    }

    /** Polls the order (as {@code token} sees it) until it is in {@code status}; returns it. */
    public JsonNode awaitStatus(String token, String orderId, String status) {
        return awaitValue("order " + orderId + " to be " + status, () -> {
            HttpResponse<String> response = api.get("/api/orders/" + orderId, token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return Api.json(response);
        }, order -> status.equals(order.path("status").asString()));
    }

    /** POST /api/orders/{id}/cancel as {@code token}, answered as it is. */
    public HttpResponse<String> cancel(String token, String orderId, String reason) {
        return api.post("/api/orders/" + orderId + "/cancel", token, "{\"reason\": \"%s\"}".formatted(reason));
    }

    /** The topology's live figures of the SKU at one dealer ({@code onHand}, {@code reserved}, {@code available}). */
    public JsonNode stockAt(String sku, String dealerId) {
        HttpResponse<String> stock = api.get("/api/inventory/" + sku, admin);
        assertThat(stock.statusCode()).as(stock.body()).isEqualTo(200);
        for (JsonNode dealer : Api.json(stock).path("dealers")) {
            if (dealer.path("dealerId").asString().equals(dealerId)) {
                return dealer;
            }
        }
        throw new AssertionError("no stock of " + sku + " at " + dealerId + ": " + stock.body());
    }

    /** Waits until the topology's store holds these figures for the SKU (summed over its dealers). */
    public void awaitStock(String sku, long onHand, long reserved, long available) {
        await("stock of " + sku + " at " + onHand + "/" + reserved + "/" + available, () -> {
            HttpResponse<String> stock = api.get("/api/inventory/" + sku, admin);
            if (stock.statusCode() != 200) {
                return false;
            }
            JsonNode level = Api.json(stock);
            return level.path("onHand").asLong() == onHand && level.path("reserved").asLong() == reserved
                    && level.path("available").asLong() == available;
        });
    }

    /** Polls {@code probe} until its value is {@code done}; returns that value, or fails naming the last one. */
    public static <T> T awaitValue(String what, Supplier<T> probe, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            await(what, () -> {
                last.set(probe.get());
                return done.test(last.get());
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + last.get(), e);
        }
        return last.get();
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

    /** A signed-in customer, the id of their delivery address and where user-service placed it. */
    public record Customer(Api.Session session, String addressId, JsonNode location) {

        public String token() {
            return session.accessToken();
        }

        public String id() {
            return session.userId();
        }
    }
}
