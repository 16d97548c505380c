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
 * warming by a fixed time leaves it to luck whether they caught up.
 */
final class WarmUp {

    private WarmUp() {
    }

    /**
     * @param steadyRatio a window counts as steady when its CPU per order is at least this share of the previous
     *                    window's (it fell by less than 1 - ratio)
     */
    static Map<String, Object> untilSteady(EmbeddedPlatform platform, IntakeShop shop, int clients, int windowSeconds,
                                           int minWindows, int maxSeconds, double steadyRatio) throws Exception {
        List<Map<String, Object>> windows = new ArrayList<>();
        double previous = Double.NaN;
        boolean steady = false;
        int elapsed = 0;
        while (!steady && elapsed < maxSeconds) {
            CpuAccount cpu = CpuAccount.start(platform);
            Map<String, Object> load = ClosedLoop.run(platform, clients, 0, windowSeconds,
                    n -> () -> shop.placeWarmUp(n));
            long orders = ((Number) load.get("requests")).longValue();
            double msPerOrder = cpu.totalMsPerUnit(orders);
            elapsed += windowSeconds;
            Map<String, Object> window = new LinkedHashMap<>();
            window.put("atSeconds", elapsed);
            window.put("ordersPerSecond", load.get("throughputPerSecond"));
            window.put("cpuMsPerOrder", msPerOrder);
            window.put("postP99Ms", ((Map<?, ?>) load.get("latencyMs")).get("p99"));
            windows.add(window);
            steady = windows.size() >= minWindows && msPerOrder >= steadyRatio * previous;
            previous = msPerOrder;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", clients);
        figures.put("seconds", elapsed);
        figures.put("steady", steady);
        figures.put("windows", windows);
        return figures;
    }
}
