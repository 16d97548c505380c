package com.toprise.infra.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Waits for something to become readable through the API by polling it: the first read at once, then one every
 * {@code interval} until it shows or the timeout passes. Reads run on a bounded pool, so however many items wait,
 * the polling offers the platform at most {@code threads} requests at a time (when that is the limit, reads come
 * later than every interval and the resolution is coarser; {@link #figures} says how many reads were made). A
 * read that answers "not yet" returns false; one that shows a state the item can no longer leave throws
 * {@link Wrong}, which ends the wait at once.
 */
final class StatusPoller implements AutoCloseable {

    /** A read of one item: true once the awaited state shows. */
    interface Read {
        boolean shows() throws Wrong;
    }

    /** The item is in a state from which the awaited one cannot follow (rejected, cancelled, another dealer's...). */
    static final class Wrong extends Exception {
        Wrong(String message) {
            super(message, null, false, false);
        }
    }

    private final ScheduledExecutorService pool;
    private final long intervalNanos;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong failedReads = new AtomicLong();
    private final long startedAt = System.nanoTime();

    StatusPoller(int threads, Duration interval) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, runnable -> {
            Thread thread = new Thread(runnable, "status-poller");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.pool = executor;
        this.intervalNanos = interval.toNanos();
    }

    /**
     * @return completes with {@link System#nanoTime()} when the read that showed the state answered; exceptionally
     * with {@link Wrong} or, after {@code timeout}, a {@link TimeoutException}
     */
    CompletableFuture<Long> until(Read read, Duration timeout) {
        CompletableFuture<Long> seen = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        pool.execute(() -> poll(read, deadline, seen));
        return seen;
    }

    private void poll(Read read, long deadline, CompletableFuture<Long> seen) {
        reads.incrementAndGet();
        try {
            if (read.shows()) {
                seen.complete(System.nanoTime());
                return;
            }
        } catch (Wrong e) {
            seen.completeExceptionally(e);
            return;
        } catch (RuntimeException e) { // a refused or broken read: try again at the next interval
            failedReads.incrementAndGet();
        }
        if (System.nanoTime() >= deadline) {
            seen.completeExceptionally(new TimeoutException("not readable within the timeout"));
            return;
        }
        pool.schedule(() -> poll(read, deadline, seen), intervalNanos, TimeUnit.NANOSECONDS);
    }

    /** Reads made (and of them failed: an error or an exception, not a "not yet") and reads per second so far. */
    Map<String, Object> figures() {
        double seconds = Math.max(1e-3, (System.nanoTime() - startedAt) / 1e9);
        return Map.of("intervalMs", intervalNanos / 1_000_000.0, "reads", reads.get(),
                "failedReads", failedReads.get(), "readsPerSecond", Math.round(reads.get() * 10 / seconds) / 10.0);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
