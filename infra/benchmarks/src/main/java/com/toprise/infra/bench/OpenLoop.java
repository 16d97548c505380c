package com.toprise.infra.bench;

import com.toprise.infra.platform.EmbeddedPlatform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Open-loop load: requests arrive at a fixed rate whether or not earlier ones were answered, as independent
 * customers do, handled by at most {@code workers} connections at once. Latency counts from the moment a request
 * was due, not from when a free worker sent it, so a platform that falls behind shows its queue in the figures
 * instead of slowing the load down (no coordinated omission). The observer gets the due time as the sending time.
 */
final class OpenLoop {

    private OpenLoop() {
    }

    /** @param requests the n-th request of the run, from 0 */
    static Map<String, Object> run(EmbeddedPlatform platform, double perSecond, int workers, int seconds,
                                   IntFunction<ClosedLoop.Request> requests, ClosedLoop.Observer observer)
            throws Exception {
        long intervalNanos = Math.round(1_000_000_000 / perSecond);
        long arrivals = Math.round(perSecond * seconds);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        long peakRss = 0;
        long nextRssSample = startNanos;
        try {
            for (int n = 0; n < arrivals; n++) {
                long dueNanos = startNanos + n * intervalNanos;
                for (long wait = dueNanos - System.nanoTime(); wait > 0; wait = dueNanos - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                if (System.nanoTime() >= nextRssSample) {
                    peakRss = Math.max(peakRss, platform.totalRssBytes());
                    nextRssSample = System.nanoTime() + 1_000_000_000L;
                }
                long dueMillis = startMillis + (dueNanos - startNanos) / 1_000_000;
                ClosedLoop.Request request = requests.apply(n);
                pool.execute(() -> {
                    BenchHttp.Response response;
                    try {
                        response = request.send();
                    } catch (RuntimeException e) {
                        response = new BenchHttp.Response("", -1, e.toString());
                    }
                    latencies.add((System.nanoTime() - dueNanos) / 1_000_000.0);
                    statuses.merge(response.statusCode(), 1L, Long::sum);
                    if (response.statusCode() >= 300 && errorSamples.size() < 5) {
                        errorSamples.add(response.statusCode() + " " + response.body());
                    }
                    observer.measured(dueMillis, response);
                });
            }
            pool.shutdown();
            // what is still queued when the arrivals end is answered and counted, however late
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("requests still unanswered 10 minutes after the last arrival");
            }
        } finally {
            pool.shutdownNow();
        }
        // answered per second of the whole run: a platform that lags is not credited with the offered rate
        double elapsed = Math.max(seconds, (System.nanoTime() - startNanos) / 1e9);
        Map<String, Object> figures = ClosedLoop.figures(workers, seconds, elapsed, List.copyOf(latencies), statuses,
                errorSamples, Math.max(peakRss, platform.totalRssBytes()));
        figures.put("offeredPerSecond", perSecond);
        figures.put("secondsUntilLastAnswer", Math.round(elapsed * 10) / 10.0);
        return figures;
    }
}
