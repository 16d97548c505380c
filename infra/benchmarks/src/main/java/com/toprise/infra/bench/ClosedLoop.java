package com.toprise.infra.bench;

import com.toprise.infra.platform.EmbeddedPlatform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Closed-loop load: each worker sends its next request when the previous one is answered, first for a warm-up
 * (not measured), then for the measured seconds; every measured request is timed and its status counted.
 */
final class ClosedLoop {

    /** One request of a worker. */
    interface Request {
        BenchHttp.Response send();
    }

    /** Sees every measured request: when it was sent (epoch ms) and what came back. */
    interface Observer {
        void measured(long sentAtEpochMillis, BenchHttp.Response response);
    }

    private ClosedLoop() {
    }

    static Map<String, Object> run(EmbeddedPlatform platform, int workers, int warmupSeconds, int seconds,
                                   IntFunction<Request> requests) throws Exception {
        return run(platform, workers, warmupSeconds, seconds, requests, (sentAt, response) -> { });
    }

    static Map<String, Object> run(EmbeddedPlatform platform, int workers, int warmupSeconds, int seconds,
                                   IntFunction<Request> requests, Observer observer) throws Exception {
        long measureFrom = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
        long until = measureFrom + Duration.ofSeconds(seconds).toNanos();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        List<List<Double>> latencies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long peakRss = 0;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                List<Double> mine = new ArrayList<>();
                latencies.add(mine);
                Request request = requests.apply(w);
                running.add(pool.submit(() -> {
                    for (long now = System.nanoTime(); now < until; now = System.nanoTime()) {
                        long sentAt = System.currentTimeMillis();
                        BenchHttp.Response response;
                        try {
                            response = request.send();
                        } catch (RuntimeException e) {
                            response = new BenchHttp.Response("", -1, e.toString());
                        }
                        long answered = System.nanoTime();
                        if (response.statusCode() >= 300 && errorSamples.size() < 5) {
                            errorSamples.add(response.statusCode() + " " + response.body());
                        }
                        if (now >= measureFrom) {
                            mine.add((answered - now) / 1_000_000.0);
                            statuses.merge(response.statusCode(), 1L, Long::sum);
                            observer.measured(sentAt, response);
                        }
                    }
                    return null;
                }));
            }
            while (System.nanoTime() < until) {
                Thread.sleep(1000);
                peakRss = Math.max(peakRss, platform.totalRssBytes());
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return figures(workers, seconds, seconds, latencies.stream().flatMap(List::stream).toList(), statuses,
                errorSamples, peakRss);
    }

    /**
     * The figures every load shape reports: requests, 2xx per second of {@code elapsedSeconds}, statuses, a few
     * errors, latency, memory.
     */
    static Map<String, Object> figures(int workers, int seconds, double elapsedSeconds, List<Double> latencies,
                                       Map<Integer, Long> statuses, List<String> errorSamples, long peakRssBytes) {
        long ok = statuses.entrySet().stream().filter(e -> e.getKey() >= 200 && e.getKey() < 300)
                .mapToLong(Map.Entry::getValue).sum();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", workers);
        figures.put("seconds", seconds);
        figures.put("requests", latencies.size());
        figures.put("throughputPerSecond", Math.round(ok * 10.0 / elapsedSeconds) / 10.0);
        figures.put("statuses", new LinkedHashMap<>(statuses));
        figures.put("errorSamples", List.copyOf(errorSamples));
        figures.put("latencyMs", Stats.summary(latencies));
        figures.put("platformPeakRssMiB", Math.round(peakRssBytes / 1048576.0));
        return figures;
    }
}
