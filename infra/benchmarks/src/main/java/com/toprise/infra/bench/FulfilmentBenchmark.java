package com.toprise.infra.bench;

import com.toprise.infra.fakes.FakeBorzo;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.platform.PlatformSettings;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.toprise.infra.bench.Options.doubleOption;
import static com.toprise.infra.bench.Options.intOption;

/**
 * The order lifecycle after intake, end to end through the gateway: orders placed open loop at {@code rate} for
 * {@code seconds}, each driven to DELIVERED by its dealer (one of {@code dealers} accounts, each acting only on
 * its own fulfilments through /api/dealer/fulfilments: accept, pick every line, pack with weight and size, which
 * books the courier) and by Borzo's signed callbacks (parcel picked up, finished) from {@link FakeBorzo}, which
 * order-service books with; a share {@code cancel} of the orders is cancelled by its customer once packed.
 * Reported per transition ({@link LifecycleCalls#TRANSITIONS}): P50/P95/P99/max from the action to the new
 * status being readable through the API, polled every {@code pollMs} (the resolution); completed orders per second;
 * the orders whose final state, read through the API, is not the one the simulation drove them to (target 0);
 * the CPU each process spent per completed order, and RSS. First a warm-up that does not overload: {@code warmClients}
 * journeys at a time (closed loop, {@link WarmUp}) in windows until the CPU a whole lifecycle costs stops falling;
 * its windows' completed orders per second say what the platform sustains. Target: P99 ≤ 1 s per transition.
 * Options and defaults are in the README.
 */
final class FulfilmentBenchmark implements Benchmark {

    private static final String BORZO_TOKEN = "bench-borzo-token";
    private static final String BORZO_SECRET = "bench-borzo-callback-secret";
    private static final double TARGET_P99_MS = 1000;

    @Override
    public String name() {
        return "fulfilment";
    }

    @Override
    public String description() {
        return "orders driven to DELIVERED by dealers and Borzo callbacks: P99 per transition, wrong end states";
    }

    @Override
    public Map<String, Object> run(PlatformSettings base, Map<String, String> options) throws Exception {
        double rate = doubleOption(options, "rate", 50);
        int seconds = intOption(options, "seconds", 60);
        Duration drain = Duration.ofSeconds(intOption(options, "drain", 120));
        double cancelShare = doubleOption(options, "cancel", 0.02);
        FulfilmentJourneys.Drive drive = new FulfilmentJourneys.Drive(intOption(options, "lines", 2),
                cancelShare > 0 ? (int) Math.round(1 / cancelShare) : 0,
                Duration.ofSeconds(intOption(options, "timeout", 30)), intOption(options, "pollers", 8),
                Duration.ofMillis(intOption(options, "pollMs", 25)), intOption(options, "actors", 16));
        int connections = intOption(options, "connections", 32);
        try (FakeBorzo borzo = FakeBorzo.start(BORZO_TOKEN, BORZO_SECRET)) {
            Map<String, String> serviceSettings = new HashMap<>(FreshPlatform.RAISED_RATE_LIMITS);
            serviceSettings.put("TOPRISE_BORZO_URL", borzo.baseUrl());
            serviceSettings.put("TOPRISE_BORZO_AUTH_TOKEN", BORZO_TOKEN);
            serviceSettings.put("TOPRISE_BORZO_CALLBACK_SECRET", BORZO_SECRET);
            return FreshPlatform.measure(base, true, serviceSettings, platform -> {
                borzo.callbackUrl(platform.gatewayUrl() + "/api/delivery/borzo/callbacks");
                IntakeShop shop = IntakeShop.open(platform, intOption(options, "dealers", 4),
                        intOption(options, "skus", 16), intOption(options, "stock", 100_000), 0, 0,
                        intOption(options, "customers", 16));
                LifecycleCalls calls = new LifecycleCalls(shop.http(), borzo);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("definitions", LifecycleCalls.TRANSITIONS);
                try (VerdictWatch verdicts = new VerdictWatch(platform.kafkaBootstrapServers())) {
                    Phase phase = new Phase(platform, shop, calls, verdicts, drive, connections, drain);
                    int warmClients = intOption(options, "warmClients", 8);
                    result.put("warmup", WarmUp.untilSteady(platform, window -> phase.closedLoop(warmClients, window),
                            intOption(options, "warmWindow", 30), intOption(options, "warmMinWindows", 3),
                            intOption(options, "warmMax", 300), doubleOption(options, "warmSteady", 0.95)));
                    result.put("quietWaitSeconds", CpuAccount.awaitQuiet(platform,
                            doubleOption(options, "quietCores", 0.3), Duration.ofSeconds(120)));
                    Map<String, Object> measured = phase.openLoop(rate, seconds);
                    result.put("measured", measured);
                    Object worst = ((Map<?, ?>) measured.get("lifecycle")).get("worstTransitionP99Ms");
                    result.put("targetP99MsPerTransition", TARGET_P99_MS);
                    result.put("withinTarget", worst instanceof Number n && n.doubleValue() <= TARGET_P99_MS
                            && ((Number) ((Map<?, ?>) measured.get("finalStates")).get("wrongState")).longValue()
                            == 0);
                }
                return result;
            });
        }
    }

    /** One open-loop load of lifecycle orders, its journeys awaited to their ends, and its figures. */
    private record Phase(EmbeddedPlatform platform, IntakeShop shop, LifecycleCalls calls, VerdictWatch verdicts,
                         FulfilmentJourneys.Drive drive, int connections, Duration drain) {

        /** A warm-up window: {@code inFlight} journeys at a time for {@code seconds}, then the last ones ended. */
        WarmUp.Window closedLoop(int inFlight, int seconds) throws Exception {
            try (FulfilmentJourneys journeys = new FulfilmentJourneys(shop, calls, verdicts, drive)) {
                long started = System.nanoTime();
                journeys.closedLoop(inFlight, seconds);
                journeys.awaitEnded(drain);
                Map<String, Object> lifecycle = journeys.figures(started);
                Map<String, Object> window = new LinkedHashMap<>();
                window.put("inFlight", inFlight);
                window.put("completedPerSecond", lifecycle.get("completedPerSecond"));
                window.put("ordersCompleted", lifecycle.get("ordersCompleted"));
                window.put("ordersPlaced", lifecycle.get("ordersPlaced"));
                window.put("worstTransitionP99Ms", lifecycle.get("worstTransitionP99Ms"));
                return new WarmUp.Window(journeys.completed(), window);
            }
        }

        Map<String, Object> openLoop(double rate, int seconds) throws Exception {
            try (FulfilmentJourneys journeys = new FulfilmentJourneys(shop, calls, verdicts, drive)) {
                CpuAccount cpu = CpuAccount.start(platform);
                long started = System.nanoTime();
                Map<String, Object> placing = OpenLoop.run(platform, rate, connections, seconds, journeys.orders(),
                        (sent, response) -> { });
                boolean ended = journeys.awaitEnded(drain);
                Map<String, Object> cpuPerOrder = cpu.perUnit(journeys.completed());
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("offeredPerSecond", rate);
                figures.put("seconds", seconds);
                figures.put("allEndedWithinDrain", ended);
                figures.put("lifecycle", journeys.figures(started));
                figures.put("finalStates", journeys.finalStates());
                figures.put("placing", placing);
                figures.put("verdictStagesFromPostAnswer", verdicts.figures(journeys.placedAt(), ended));
                figures.put("cpuPerCompletedOrder", cpuPerOrder);
                figures.put("platformRssMiBAtEnd", Math.round(platform.totalRssBytes() / 1048576.0));
                Map<?, ?> lifecycle = (Map<?, ?>) figures.get("lifecycle");
                System.out.printf("%.0f orders/s for %d s: %s of %s completed, worst transition P99 %s ms, "
                                + "wrong end states %s%n", rate, seconds, lifecycle.get("ordersCompleted"),
                        lifecycle.get("ordersPlaced"), lifecycle.get("worstTransitionP99Ms"),
                        ((Map<?, ?>) figures.get("finalStates")).get("wrongState"));
                return figures;
            }
        }
    }
}
