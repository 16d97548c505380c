package com.toprise.infra.bench;

import com.toprise.infra.platform.EmbeddedPlatform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warms the platform's JVMs without overloading them: a closed loop of a few clients (so the load follows what the
 * platform can answer, and the JIT is never starved of CPU), in windows, until the CPU one order costs stops
 * falling. Warming ten JVMs on two cores at the full rate leaves the compilers behind and the run never recovers;
 * warming by a fixed time leaves it to luck whether they caught up. The load is order intake, or any other closed
 * loop (the fulfilment benchmark's whole lifecycles).
 */
final class WarmUp {

    /** One window of a closed-loop load: the orders it completed, and what else to report of it. */
    record Window(long orders, Map<String, Object> figures) {
    }

    /** Runs one window of the load for the seconds given. */
    interface Load {
        Window run(int seconds) throws Exception;
    }

    private WarmUp() {
    }

    /** Order intake: {@code clients} customers each placing the next order once the last is answered. */
    static Map<String, Object> untilSteady(EmbeddedPlatform platform, IntakeShop shop, int clients, int windowSeconds,
                                           int minWindows, int maxSeconds, double steadyRatio) throws Exception {
        Map<String, Object> figures = untilSteady(platform, seconds -> {
            Map<String, Object> load = ClosedLoop.run(platform, clients, 0, seconds, n -> () -> shop.placeWarmUp(n));
            Map<String, Object> window = new LinkedHashMap<>();
            window.put("ordersPerSecond", load.get("throughputPerSecond"));
            window.put("postP99Ms", ((Map<?, ?>) load.get("latencyMs")).get("p99"));
            return new Window(((Number) load.get("requests")).longValue(), window);
        }, windowSeconds, minWindows, maxSeconds, steadyRatio);
        Map<String, Object> withClients = new LinkedHashMap<>();
        withClients.put("clients", clients);
        withClients.putAll(figures);
        return withClients;
    }

    /**
     * @param steadyRatio a window counts as steady when its CPU per order is at least this share of the previous
     *                    window's (it fell by less than 1 - ratio)
     */
    static Map<String, Object> untilSteady(EmbeddedPlatform platform, Load load, int windowSeconds, int minWindows,
                                           int maxSeconds, double steadyRatio) throws Exception {
        List<Map<String, Object>> windows = new ArrayList<>();
        double previous = Double.NaN;
        boolean steady = false;
        int elapsed = 0;
        while (!steady && elapsed < maxSeconds) {
            CpuAccount cpu = CpuAccount.start(platform);
            Window ran = load.run(windowSeconds);
            double msPerOrder = cpu.totalMsPerUnit(ran.orders());
            elapsed += windowSeconds;
            Map<String, Object> window = new LinkedHashMap<>();
            window.put("atSeconds", elapsed);
            window.putAll(ran.figures());
            window.put("cpuMsPerOrder", msPerOrder);
            windows.add(window);
            steady = windows.size() >= minWindows && msPerOrder >= steadyRatio * previous;
            previous = msPerOrder;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seconds", elapsed);
        figures.put("steady", steady);
        figures.put("windows", windows);
        return figures;
    }
}
