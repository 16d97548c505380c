package com.toprise.infra.bench;

import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.platform.PlatformComponent;
import com.toprise.infra.platform.Processes;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time each platform process (and the load generator itself) spends between two points, read from /proc: where
 * the cores go, in milliseconds of CPU per unit of work. On two cores a benchmark is CPU-bound, so this says which
 * component a saving has to come from.
 */
final class CpuAccount {

    private static final String LOAD_GENERATOR = "benchmark client";

    private final EmbeddedPlatform platform;
    private final Map<String, Long> startNanos;
    private final long startedAt = System.nanoTime();

    private CpuAccount(EmbeddedPlatform platform) {
        this.platform = platform;
        this.startNanos = readNanos();
    }

    static CpuAccount start(EmbeddedPlatform platform) {
        return new CpuAccount(platform);
    }

    /** Per process: ms of CPU per unit since the start, busiest first, with the total and the cores kept busy. */
    Map<String, Object> perUnit(long units) {
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        Map<String, Long> used = new LinkedHashMap<>();
        readNanos().forEach((name, nanos) -> used.put(name, nanos - startNanos.getOrDefault(name, nanos)));
        long total = used.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> msPerUnit = new LinkedHashMap<>();
        used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> msPerUnit.put(e.getKey(), round(e.getValue() / 1e6 / Math.max(1, units))));
        msPerUnit.put("total", round(total / 1e6 / Math.max(1, units)));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("units", units);
        figures.put("coresBusy", round(total / 1e9 / seconds));
        figures.put("cpuMsPerUnit", msPerUnit);
        return figures;
    }

    /**
     * Waits until the platform's processes together use less than {@code cores} over 3 s: a measurement starts only
     * once the previous load's tail (CDC, the sinks' indexing, compactions, GC) is done, or it pays for that tail
     * and the figure depends on what ran before it. At most {@code max}; returns the seconds waited.
     */
    static double awaitQuiet(EmbeddedPlatform platform, double cores, Duration max) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + max.toNanos();
        while (System.nanoTime() < deadline) {
            CpuAccount window = start(platform);
            Thread.sleep(3000);
            if (window.platformCoresBusy() < cores) {
                break;
            }
        }
        return Math.round((System.nanoTime() - started) / 1e8) / 10.0;
    }

    /** How many cores the platform's processes (not the load generator) kept busy since the start. */
    double platformCoresBusy() {
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        long total = 0;
        for (Map.Entry<String, Long> e : readNanos().entrySet()) {
            if (!e.getKey().equals(LOAD_GENERATOR)) {
                total += e.getValue() - startNanos.getOrDefault(e.getKey(), e.getValue());
            }
        }
        return total / 1e9 / Math.max(1e-3, seconds);
    }

    /** All processes' ms of CPU per unit since the start, the load generator included. */
    double totalMsPerUnit(long units) {
        long total = 0;
        for (Map.Entry<String, Long> e : readNanos().entrySet()) {
            total += e.getValue() - startNanos.getOrDefault(e.getKey(), e.getValue());
        }
        return round(total / 1e6 / Math.max(1, units));
    }

    private Map<String, Long> readNanos() {
        Map<String, Long> nanos = new LinkedHashMap<>();
        for (PlatformComponent component : platform.components()) {
            if (component.pid() > 0) {
                nanos.put(component.name(), Processes.treeCpuNanos(component.pid()));
            }
        }
        // this JVM alone: the platform's processes are its descendants
        nanos.put(LOAD_GENERATOR, Processes.cpuNanos(ProcessHandle.current()));
        return nanos;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
