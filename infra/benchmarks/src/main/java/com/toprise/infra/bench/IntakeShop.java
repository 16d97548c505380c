package com.toprise.infra.bench;

import com.toprise.infra.platform.AdminCredentials;
import com.toprise.infra.platform.EmbeddedPlatform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * What the order benchmarks order from, set up through the gateway as a shop would be: an admin, one or more
 * dealers, a warm-up SKU, the measured SKUs with their dealer stock (a few scarce; each SKU stocked by one dealer,
 * round robin, so the assignment rule has only that dealer to choose), and customers with a phone and a delivery
 * address, all known to order-service (and every dealer to the inventory topology) before the first order. Then
 * the orders themselves, and the oversell check at the end.
 */
final class IntakeShop {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "bench password 1";
    private static final String PINCODE = "560001";
    private static final int MAX_ADJUSTMENT = 100_000;

    private final BenchHttp http;
    private final String admin;
    private final String warmSku;
    private final Map<String, Integer> stockOf;
    private final List<String> skus;
    private final List<Customer> customers;
    /** Who stocks each SKU (the warm-up SKU: the first dealer). */
    private final Map<String, BenchDealer> dealerOf;

    private IntakeShop(BenchHttp http, String admin, String warmSku, Map<String, Integer> stockOf,
                       List<Customer> customers, Map<String, BenchDealer> dealerOf) {
        this.http = http;
        this.admin = admin;
        this.warmSku = warmSku;
        this.stockOf = stockOf;
        this.skus = List.copyOf(stockOf.keySet());
        this.customers = customers;
        this.dealerOf = dealerOf;
    }

    /** @param scarce how many of the {@code skuCount} SKUs have only {@code scarceStock} units */
    static IntakeShop open(EmbeddedPlatform platform, int skuCount, int stock, int scarce, int scarceStock,
                           int customerCount) {
        return open(platform, 1, skuCount, stock, scarce, scarceStock, customerCount);
    }

    /** As above, the SKUs spread over {@code dealerCount} dealers (SKU i at dealer i mod dealerCount). */
    static IntakeShop open(EmbeddedPlatform platform, int dealerCount, int skuCount, int stock, int scarce,
                           int scarceStock, int customerCount) {
        BenchHttp http = new BenchHttp(platform.gatewayUrl());
        AdminCredentials credentials = AdminCredentials.ensure(platform.settings().dataDir());
        String admin = login(http, credentials.email(), credentials.password());
        List<BenchDealer> dealers = new ArrayList<>();
        for (int i = 0; i < dealerCount; i++) {
            dealers.add(BenchDealer.onboard(http, admin, PINCODE));
        }
        Map<String, BenchDealer> dealerOf = new LinkedHashMap<>();
        String warmSku = product(http, admin, dealers.get(0).id(), "BENCH-WARM", 200_000);
        dealerOf.put(warmSku, dealers.get(0));
        Map<String, Integer> stockOf = new LinkedHashMap<>();
        for (int i = 0; i < skuCount; i++) {
            int units = i < scarce ? scarceStock : stock;
            BenchDealer dealer = dealers.get(i % dealerCount);
            String sku = product(http, admin, dealer.id(), "BENCH-" + i, units);
            stockOf.put(sku, units);
            dealerOf.put(sku, dealer);
        }
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < customerCount; i++) {
            customers.add(customer(http));
        }
        IntakeShop shop = new IntakeShop(http, admin, warmSku, stockOf, customers, Map.copyOf(dealerOf));
        shop.awaitKnown();
        return shop;
    }

    List<String> skus() {
        return skus;
    }

    /** The dealer that stocks this SKU. */
    BenchDealer dealerOf(String sku) {
        return dealerOf.get(sku);
    }

    /** The token of the n-th customer (round robin), who placed the n-th order. */
    String customerToken(int n) {
        return customers.get(n % customers.size()).token();
    }

    BenchHttp http() {
        return http;
    }

    /** One unit of the warm-up SKU, by the n-th customer (round robin). */
    BenchHttp.Response placeWarmUp(int n) {
        return place(n, warmSku);
    }

    /** One unit of {@code sku}, by the n-th customer (round robin), with a fresh Idempotency-Key. */
    BenchHttp.Response place(int n, String sku) {
        return place(n, List.of(sku));
    }

    /** One unit of each of {@code lineSkus}, by the n-th customer (round robin), with a fresh Idempotency-Key. */
    BenchHttp.Response place(int n, List<String> lineSkus) {
        Customer customer = customers.get(n % customers.size());
        String lines = lineSkus.stream().map(sku -> "{\"sku\":\"%s\",\"quantity\":1}".formatted(sku))
                .collect(Collectors.joining(","));
        return http.send("POST", "/api/orders", "{\"lines\":[%s],\"deliveryAddressId\":\"%s\"}"
                .formatted(lines, customer.addressId()), customer.token(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** The n-th order: one unit of a random measured SKU; an accepted one's SKU is noted in {@code skuOf}. */
    IntFunction<ClosedLoop.Request> randomOrders(Map<String, String> skuOf) {
        return n -> () -> {
            String sku = skus.get(ThreadLocalRandom.current().nextInt(skus.size()));
            BenchHttp.Response response = place(n, sku);
            if (response.statusCode() == 201) {
                skuOf.put(JSON.readTree(response.body()).path("id").asString(), sku);
            }
            return response;
        };
    }

    /** Notes when each accepted order was sent (or due, open loop), by its id. */
    static ClosedLoop.Observer recordAccepted(Map<String, Long> sentAt) {
        return (sent, response) -> {
            if (response.statusCode() == 201) {
                sentAt.put(JSON.readTree(response.body()).path("id").asString(), sent);
            }
        };
    }

    /** Confirmed units per SKU against its stock, and the topology's reserved figure against the confirmations. */
    Map<String, Object> oversell(Map<String, Long> confirmedBySku) {
        long oversold = 0;
        long mismatches = 0;
        long confirmed = 0;
        long soldOut = 0;
        for (Map.Entry<String, Integer> entry : stockOf.entrySet()) {
            String sku = entry.getKey();
            int stock = entry.getValue();
            long units = confirmedBySku.getOrDefault(sku, 0L);
            confirmed += units;
            oversold += Math.max(0, units - stock);
            soldOut += units >= stock ? 1 : 0;
            JsonNode level = JSON.readTree(inventory(sku).body());
            if (level.path("reserved").asLong() != units || level.path("onHand").asLong() != stock) {
                mismatches++;
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("skus", stockOf.size());
        figures.put("unitsPerSku", new TreeSet<>(stockOf.values()));
        figures.put("skusSoldOut", soldOut);
        figures.put("unitsConfirmed", confirmed);
        figures.put("oversoldUnits", oversold);
        figures.put("skusWhoseReservedDiffersFromConfirmed", mismatches);
        return figures;
    }

    /** A SKU's figures; retried while the topology answers 503 (its store rebalancing, or a slow answer). */
    private BenchHttp.Response inventory(String sku) {
        BenchHttp.Response[] last = new BenchHttp.Response[1];
        await(Duration.ofSeconds(60), () -> (last[0] = http.get("/api/inventory/" + sku, admin)).statusCode() != 503);
        return BenchHttp.expect(200, last[0]);
    }

    private static String product(BenchHttp http, String admin, String dealerId, String prefix, int stock) {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        BenchHttp.expect(201, http.post("/api/products", """
                {"sku":"%s","name":"Bench part %s","brand":"Bosch","category":"%s","subCategory":"Pads",
                 "type":"Disc","status":"LIVE","price":499.00}""".formatted(sku, sku, BenchDealer.CATEGORY), admin));
        for (int left = stock; left > 0; left -= MAX_ADJUSTMENT) { // one adjustment adds at most 100,000 units
            BenchHttp.expect(201, http.post("/api/inventory/stock/adjustments",
                    "{\"sku\":\"%s\",\"dealerId\":\"%s\",\"delta\":%d,\"reason\":\"bench stock\"}"
                            .formatted(sku, dealerId, Math.min(left, MAX_ADJUSTMENT)), admin));
        }
        return sku;
    }

    private static Customer customer(BenchHttp http) {
        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        BenchHttp.expect(201, http.post("/api/auth/register",
                "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Bench\",\"phone\":\"+919811111111\"}"
                        .formatted(email, PASSWORD), null));
        String token = login(http, email, PASSWORD);
        BenchHttp.Response address = BenchHttp.expect(201, http.post("/api/addresses", """
                {"label":"Garage","line1":"1 Bench Road","city":"Bengaluru","state":"Karnataka","pincode":"%s"}"""
                .formatted(PINCODE), token));
        return new Customer(token, JSON.readTree(address.body()).path("id").asString());
    }

    /** order-service learns products and addresses from events: wait until every one has arrived. */
    private void awaitKnown() {
        List<String> all = new ArrayList<>(skus);
        all.add(warmSku);
        for (Customer customer : customers) {
            if (!await(Duration.ofSeconds(120), () -> {
                BenchHttp.Response probe = http.send("POST", "/api/orders",
                        "{\"lines\":[{\"sku\":\"NO-SUCH-PART\",\"quantity\":1}],\"deliveryAddressId\":\"%s\"}"
                                .formatted(customer.addressId()), customer.token(),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                return probe.statusCode() == 400 && !probe.body().contains("deliveryAddressId");
            })) {
                throw new IllegalStateException("order-service did not learn address " + customer.addressId());
            }
        }
        Customer probe = customers.get(0);
        for (String sku : all) {
            if (!await(Duration.ofSeconds(120), () -> http.send("PUT", "/api/cart/items/" + sku, "{\"quantity\":1}",
                    probe.token(), Map.of()).statusCode() == 200)) {
                throw new IllegalStateException("order-service did not learn " + sku);
            }
        }
        http.send("DELETE", "/api/cart", null, probe.token(), Map.of());
        // a dealer's profile travels to the inventory topology as an event: an order before it would be refused
        if (!await(Duration.ofSeconds(120), () -> confirmed(placeWarmUp(0)))) {
            throw new IllegalStateException("no warm-up order was confirmed: the dealer is not assignable");
        }
        for (BenchDealer dealer : new LinkedHashSet<>(dealerOf.values())) {
            if (dealer == dealerOf.get(warmSku)) {
                continue; // the warm-up order just proved it
            }
            String sku = skus.stream().filter(s -> dealerOf.get(s) == dealer).findFirst().orElseThrow();
            if (!await(Duration.ofSeconds(120), () -> confirmed(place(0, sku)))) {
                throw new IllegalStateException("no order of " + sku + " was confirmed: dealer " + dealer.id()
                        + " is not assignable");
            }
        }
    }

    /** Whether this accepted order was confirmed, polled until its verdict. */
    private boolean confirmed(BenchHttp.Response placed) {
        if (placed.statusCode() != 201) {
            return false;
        }
        String orderId = JSON.readTree(placed.body()).path("id").asString();
        String[] status = {"CREATED"};
        await(Duration.ofSeconds(30), () -> !"CREATED".equals(status[0] = JSON.readTree(
                http.get("/api/orders/" + orderId, customers.get(0).token()).body()).path("status").asString()));
        return "CONFIRMED".equals(status[0]);
    }

    private static String login(BenchHttp http, String email, String password) {
        BenchHttp.Response response = BenchHttp.expect(200, http.post("/api/auth/login",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password), null));
        return JSON.readTree(response.body()).path("accessToken").asString();
    }

    static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private record Customer(String token, String addressId) {
    }
}
