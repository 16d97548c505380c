package com.toprise.infra.bench;

import com.toprise.infra.platform.DataDirs;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.platform.PlatformComponent;
import com.toprise.infra.platform.PlatformPorts;
import com.toprise.infra.platform.PlatformSettings;
import com.toprise.infra.platform.Processes;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cold start of the whole platform (fresh data dir, free ports, built jars, warm Maven cache) until every
 * component is healthy, when each one was ready and the CPU it had used by then (where the start-up time goes), and
 * the platform's memory: resident set of all its processes, at ready and at peak.
 * Options: runs=N (default 3).
 */
final class ColdStartBenchmark implements Benchmark {

    @Override
    public String name() {
        return "cold-start";
    }

    @Override
    public String description() {
        return "whole platform from a fresh data dir to all-healthy; total RSS";
    }

    @Override
    public Map<String, Object> run(PlatformSettings base, Map<String, String> options) throws Exception {
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        List<Double> seconds = new ArrayList<>();
        List<Double> readyRssMiB = new ArrayList<>();
        List<Double> peakRssMiB = new ArrayList<>();
        Map<String, Object> lastPerComponent = new LinkedHashMap<>();
        Map<String, List<Double>> readyAt = new LinkedHashMap<>();
        Map<String, List<Double>> cpuAtReady = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            Path dataDir = DataDirs.createTemporary("toprise-bench-");
            PlatformSettings settings = new PlatformSettings(base.projectRoot(), dataDir, base.cacheDir(),
                    PlatformPorts.free(), true);
            EmbeddedPlatform platform = new EmbeddedPlatform(settings, new PrintStream(System.out, true));
            AtomicLong peak = new AtomicLong();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(platform.totalRssBytes(), Math::max),
                    0, 500, TimeUnit.MILLISECONDS);
            try {
                long start = System.nanoTime();
                platform.start();
                seconds.add((System.nanoTime() - start) / 1e9);
                readyRssMiB.add(platform.totalRssBytes() / 1048576.0);
                lastPerComponent.clear();
                for (PlatformComponent c : platform.components()) {
                    lastPerComponent.put(c.name(), Math.round(c.rssBytes() / 1048576.0));
                    cpuAtReady.computeIfAbsent(c.name(), k -> new ArrayList<>())
                            .add(Processes.treeCpuNanos(c.pid()) / 1e9);
                }
                platform.readySeconds().forEach((name, at) ->
                        readyAt.computeIfAbsent(name, k -> new ArrayList<>()).add(at));
            } finally {
                sampler.shutdownNow();
                peakRssMiB.add(peak.get() / 1048576.0);
                platform.stop();
                DataDirs.deleteTree(dataDir);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("coldStartSeconds", Stats.summary(seconds));
        result.put("rssAtReadyMiB", Stats.summary(readyRssMiB));
        result.put("peakRssMiB", Stats.summary(peakRssMiB));
        result.put("rssAtReadyPerComponentMiB_lastRun", lastPerComponent);
        result.put("readySecondsPerComponent", medians(readyAt));
        result.put("cpuSecondsAtReadyPerComponent", medians(cpuAtReady));
        result.put("cpuSecondsAtReadyTotal", Math.round(cpuAtReady.values().stream()
                .mapToDouble(ColdStartBenchmark::median).sum() * 10) / 10.0);
        result.put("targets", Map.of("coldStartSeconds", 90, "totalRssMiB", 6 * 1024));
        return result;
    }

    /** Per component, the median over the runs (one decimal). */
    private static Map<String, Double> medians(Map<String, List<Double>> perComponent) {
        Map<String, Double> medians = new LinkedHashMap<>();
        perComponent.forEach((name, values) -> medians.put(name, Math.round(median(values) * 10) / 10.0));
        return medians;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
