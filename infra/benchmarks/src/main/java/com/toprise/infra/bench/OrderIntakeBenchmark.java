package com.toprise.infra.bench;

import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.platform.PlatformSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import static com.toprise.infra.bench.Options.doubleOption;
import static com.toprise.infra.bench.Options.intOption;

/**
 * Order intake through the gateway on the whole embedded platform: customers POST one-unit orders for a set of SKUs;
 * most have stock for the whole run, a few scarce ones run out within seconds, so orders compete for their last
 * units. By default it finds the capacity at SLO ({@link CapacityAtSlo}) after a warm-up that does not overload
 * ({@link WarmUp}), on {@code runs} fresh platforms, and reports the median and spread. {@code mode=load} runs one
 * fixed load instead: a closed loop of {@code clients}, or {@code rate} orders/s open loop. Measured throughout:
 * the POST's latency, intake → Confirmed (POST sent → CONFIRMED stored, and its stages), oversell (units confirmed
 * beyond a SKU's stock, checked against the topology's figures) and the CPU per order of each process. Rate limits
 * stay on, raised so the customers are not refused. Options and their defaults are in the README.
 */
final class OrderIntakeBenchmark implements Benchmark {

    private static final Map<String, String> RAISED_LIMITS = FreshPlatform.RAISED_RATE_LIMITS;

    @Override
    public String name() {
        return "order-intake";
    }

    @Override
    public String description() {
        return "orders through the gateway: capacity at SLO (POST P99, intake -> Confirmed P99), CPU per order, oversell";
    }

    @Override
    public Map<String, Object> run(PlatformSettings base, Map<String, String> options) throws Exception {
        boolean fixedLoad = "load".equals(options.get("mode")) || options.containsKey("rate");
        return fixedLoad ? fixedLoad(base, options) : capacity(base, options);
    }

    private static IntakeShop shop(EmbeddedPlatform platform, Map<String, String> options, int defaultStock) {
        return IntakeShop.open(platform, intOption(options, "skus", 20), intOption(options, "stock", defaultStock),
                intOption(options, "scarce", 2), intOption(options, "scarceStock", 50),
                intOption(options, "customers", 16));
    }

    private static Map<String, Object> capacity(PlatformSettings base, Map<String, String> options) throws Exception {
        int runs = intOption(options, "runs", 3);
        CapacityAtSlo.Plan plan = new CapacityAtSlo.Plan(doubleOption(options, "from", 50),
                doubleOption(options, "step", 25), doubleOption(options, "to", 600), intOption(options, "seconds", 60),
                intOption(options, "connections", 64), doubleOption(options, "postP99Ms", 200),
                doubleOption(options, "confirmedP99Ms", 2000), Duration.ofSeconds(intOption(options, "settle", 20)),
                Duration.ofSeconds(intOption(options, "drain", 180)), doubleOption(options, "quietCores", 0.3),
                Duration.ofSeconds(intOption(options, "quietMax", 120)), intOption(options, "prime", 30));
        List<Map<String, Object>> perRun = new ArrayList<>();
        List<Double> capacities = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Map<String, Object> figures = FreshPlatform.measure(base, true, RAISED_LIMITS, platform -> {
                // stock enough for every step: the measured orders stay on the reserving path, not the refusing one
                IntakeShop shop = shop(platform, options, 200_000);
                Map<String, Object> result = new LinkedHashMap<>();
                try (VerdictWatch verdicts = new VerdictWatch(platform.kafkaBootstrapServers())) {
                    result.put("warmup", WarmUp.untilSteady(platform, shop, intOption(options, "warmClients", 8),
                            intOption(options, "warmWindow", 30), intOption(options, "warmMinWindows", 3),
                            intOption(options, "warmMax", 600), doubleOption(options, "warmSteady", 0.95)));
                    result.putAll(new CapacityAtSlo(platform, shop, verdicts, plan).search());
                }
                return result;
            });
            perRun.add(figures);
            capacities.add(((Number) figures.get("capacityPerSecond")).doubleValue());
            System.out.printf("run %d of %d: capacity at SLO %.0f orders/s%n", run + 1, runs, capacities.get(run));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        double median = Stats.percentile(capacities, 50);
        double spread = capacities.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                - capacities.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        result.put("capacityAtSloPerSecond", Map.of("median", median, "values", capacities,
                "spreadPercentOfMedian", median > 0 ? Math.round(spread * 1000 / median) / 10.0 : 0));
        result.put("slo", Map.of("postP99Ms", plan.postP99Ms(), "intakeToConfirmedP99Ms", plan.confirmedP99Ms(),
                "heldSeconds", plan.seconds()));
        result.put("runs", perRun);
        return result;
    }

    private static Map<String, Object> fixedLoad(PlatformSettings base, Map<String, String> options) throws Exception {
        int clients = intOption(options, "clients", 16);
        int seconds = intOption(options, "seconds", 60);
        int warmup = intOption(options, "warmup", 240);
        int drain = intOption(options, "drain", 180);
        double rate = doubleOption(options, "rate", 0);
        return FreshPlatform.measure(base, true, RAISED_LIMITS, platform -> {
            IntakeShop shop = shop(platform, options, 2000);
            Map<String, Object> result = new LinkedHashMap<>();
            try (VerdictWatch verdicts = new VerdictWatch(platform.kafkaBootstrapServers())) {
                // the warm-up has the measured phase's shape: a closed loop's backlog would still be in the pipeline
                result.put("warmup", load(platform, rate, clients, warmup, n -> () -> shop.placeWarmUp(n),
                        (sent, response) -> { }));
                Map<String, Long> sentAt = new ConcurrentHashMap<>();
                Map<String, String> skuOf = new ConcurrentHashMap<>();
                IntFunction<ClosedLoop.Request> orders = shop.randomOrders(skuOf);
                ClosedLoop.Observer accepted = IntakeShop.recordAccepted(sentAt);
                CpuAccount cpu = CpuAccount.start(platform);
                Map<String, Object> intake = load(platform, rate, clients, seconds, orders, accepted);
                intake.put("cpu", cpu.perUnit(sentAt.size()));
                result.put("intake", intake);
                boolean drained = IntakeShop.await(Duration.ofSeconds(drain),
                        () -> verdicts.decided(sentAt.keySet()));
                result.put("verdicts", verdicts.figures(sentAt, drained));
                result.put("stock", shop.oversell(verdicts.confirmed(skuOf)));
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
}
