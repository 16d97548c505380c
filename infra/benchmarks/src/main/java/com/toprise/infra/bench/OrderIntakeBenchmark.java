package com.toprise.infra.bench;

import com.toprise.infra.platform.AdminCredentials;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.platform.PlatformSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * Order intake through the gateway on the whole embedded platform: concurrent customers POST one-unit orders for a
 * set of SKUs, closed loop. Most SKUs have stock for the whole run; a few scarce ones run out within seconds, so
 * orders compete for their last units and are rejected once they are gone. Measured: sustained
 * throughput, the POST's P50/P95/P99, intake → Confirmed (from the POST being sent to order-service storing
 * CONFIRMED, the occurredAt of its ORDER_STATUS_CHANGED; also to that event's arrival on the topic), and the
 * oversell: units confirmed beyond a SKU's stock, counted from the verdict events and checked against the
 * topology's own figures (GET /api/inventory/{sku}); and where the CPU went: ms of CPU per accepted order of each
 * platform process and of the load generator during the measured phase ({@code intake.cpu}). Rate limits stay on,
 * raised so the clients are not refused.
 * Options: clients (16), customers (16), skus (20), stock=units per SKU (2000), scarce=SKUs among them with
 * scarceStock units (2 with 50), seconds=measured (60),
 * warmup=seconds of orders for a separate SKU before measuring (240: with ten JVMs sharing two cores the JIT needs
 * minutes; after 60 s the POST P99 was ten times its steady value), drain=seconds to wait for the last verdicts
 * (180), rate=orders per second offered open loop in the measured phase, by up to {@code clients} connections at
 * once (0: closed loop, each client ordering again as soon as it is answered).
 */
final class OrderIntakeBenchmark implements Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "bench password 1";
    private static final String PINCODE = "560001";

    @Override
    public String name() {
        return "order-intake";
    }

    @Override
    public String description() {
        return "orders through the gateway: orders/s, POST P50/P95/P99, intake -> Confirmed P99, oversell";
    }

    @Override
    public Map<String, Object> run(PlatformSettings base, Map<String, String> options) throws Exception {
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        int customerCount = Integer.parseInt(options.getOrDefault("customers", "16"));
        int skuCount = Integer.parseInt(options.getOrDefault("skus", "20"));
        int stock = Integer.parseInt(options.getOrDefault("stock", "2000"));
        int scarce = Integer.parseInt(options.getOrDefault("scarce", "2"));
        int scarceStock = Integer.parseInt(options.getOrDefault("scarceStock", "50"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "240"));
        int drain = Integer.parseInt(options.getOrDefault("drain", "180"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
        Map<String, String> raisedLimits = Map.of("TOPRISE_GATEWAY_RATE_LIMIT_PER_USER", "1000000",
                "TOPRISE_GATEWAY_RATE_LIMIT_PER_IP", "1000000");
        return FreshPlatform.measure(base, true, raisedLimits, platform -> {
            BenchHttp http = new BenchHttp(platform.gatewayUrl());
            AdminCredentials credentials = AdminCredentials.ensure(platform.settings().dataDir());
            String admin = login(http, credentials.email(), credentials.password());
            String warmSku = product(http, admin, "BENCH-WARM", 100_000);
            Map<String, Integer> stockOf = new LinkedHashMap<>();
            for (int i = 0; i < skuCount; i++) {
                int units = i < scarce ? scarceStock : stock;
                stockOf.put(product(http, admin, "BENCH-" + i, units), units);
            }
            List<String> skus = List.copyOf(stockOf.keySet());
            List<Customer> customers = new ArrayList<>();
            for (int i = 0; i < customerCount; i++) {
                customers.add(customer(http));
            }
            awaitKnown(http, customers, warmSku, skus);

            Map<String, Object> result = new LinkedHashMap<>();
            try (VerdictWatch verdicts = new VerdictWatch(platform.kafkaBootstrapServers())) {
                // the warm-up has the measured phase's shape: a closed loop's backlog would still be in the pipeline
                result.put("warmup", load(platform, rate, clients, warmup,
                        n -> () -> place(http, customers.get(n % customers.size()), warmSku), (sent, response) -> { }));
                Map<String, Long> sentAt = new ConcurrentHashMap<>();
                Map<String, String> skuOf = new ConcurrentHashMap<>();
                IntFunction<ClosedLoop.Request> orders = n -> () -> {
                    String sku = skus.get(ThreadLocalRandom.current().nextInt(skus.size()));
                    BenchHttp.Response response = place(http, customers.get(n % customers.size()), sku);
                    if (response.statusCode() == 201) {
                        skuOf.put(JSON.readTree(response.body()).path("id").asString(), sku);
                    }
                    return response;
                };
                ClosedLoop.Observer accepted = (sent, response) -> {
                    if (response.statusCode() == 201) {
                        sentAt.put(JSON.readTree(response.body()).path("id").asString(), sent);
                    }
                };
                CpuAccount cpu = CpuAccount.start(platform);
                Map<String, Object> intake = load(platform, rate, clients, seconds, orders, accepted);
                intake.put("cpu", cpu.perUnit(sentAt.size()));
                result.put("intake", intake);
                boolean drained = await(Duration.ofSeconds(drain), () -> verdicts.decided(sentAt.keySet()));
                result.put("verdicts", verdicts.figures(sentAt, drained));
                result.put("stock", oversell(http, admin, stockOf, verdicts.confirmed(skuOf)));
            }
            return result;
        });
    }

    /** {@code rate} orders/s open loop, or a closed loop of {@code clients} when the rate is 0. */
    private static Map<String, Object> load(EmbeddedPlatform platform, double rate, int clients, int seconds,
                                            IntFunction<ClosedLoop.Request> orders, ClosedLoop.Observer observer)
            throws Exception {
        return rate > 0 ? OpenLoop.run(platform, rate, clients, seconds, orders, observer)
                : ClosedLoop.run(platform, clients, 0, seconds, orders, observer);
    }

    private static BenchHttp.Response place(BenchHttp http, Customer customer, String sku) {
        return http.send("POST", "/api/orders", "{\"lines\":[{\"sku\":\"%s\",\"quantity\":1}],\"deliveryAddressId\":\"%s\"}"
                .formatted(sku, customer.addressId()), customer.token(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** Confirmed units per SKU against its stock, and the topology's reserved figure against the confirmations. */
    private static Map<String, Object> oversell(BenchHttp http, String admin, Map<String, Integer> stockOf,
                                                Map<String, Long> confirmedBySku) {
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
            JsonNode level = JSON.readTree(inventory(http, admin, sku).body());
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
    private static BenchHttp.Response inventory(BenchHttp http, String admin, String sku) {
        BenchHttp.Response[] last = new BenchHttp.Response[1];
        await(Duration.ofSeconds(60), () -> (last[0] = http.get("/api/inventory/" + sku, admin)).statusCode() != 503);
        return BenchHttp.expect(200, last[0]);
    }

    private static String product(BenchHttp http, String admin, String prefix, int stock) {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        BenchHttp.expect(201, http.post("/api/products", """
                {"sku":"%s","name":"Bench part %s","brand":"Bosch","category":"Brakes","subCategory":"Pads",
                 "type":"Disc","status":"LIVE","price":499.00}""".formatted(sku, sku), admin));
        BenchHttp.expect(201, http.post("/api/inventory/stock/adjustments",
                "{\"sku\":\"%s\",\"dealerId\":\"bench-dealer\",\"delta\":%d,\"reason\":\"bench stock\"}".formatted(sku, stock),
                admin));
        return sku;
    }

    private static Customer customer(BenchHttp http) {
        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        BenchHttp.expect(201, http.post("/api/auth/register",
                "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Bench\"}".formatted(email, PASSWORD), null));
        String token = login(http, email, PASSWORD);
        BenchHttp.Response address = BenchHttp.expect(201, http.post("/api/addresses", """
                {"label":"Garage","line1":"1 Bench Road","city":"Bengaluru","state":"Karnataka","pincode":"%s"}"""
                .formatted(PINCODE), token));
        return new Customer(token, JSON.readTree(address.body()).path("id").asString());
    }

    /** order-service learns products and addresses from events: wait until every one has arrived. */
    private static void awaitKnown(BenchHttp http, List<Customer> customers, String warmSku, List<String> skus) {
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
    }

    private static String login(BenchHttp http, String email, String password) {
        BenchHttp.Response response = BenchHttp.expect(200, http.post("/api/auth/login",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password), null));
        return JSON.readTree(response.body()).path("accessToken").asString();
    }

    private static boolean await(Duration timeout, BooleanSupplier condition) {
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
