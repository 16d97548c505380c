package com.toprise.connectors.elasticsearch;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter between {@code initialMs} and {@code maxMs}; {@code maxRetries} -1 means
 * no limit.
 */
public record Backoff(int maxRetries, long initialMs, long maxMs) {

    public boolean mayRetry(int attempt) {
        return maxRetries < 0 || attempt <= maxRetries;
    }

    /** The wait before retry number {@code attempt} (1-based): a random value up to the capped exponential delay. */
    public long delayMs(int attempt) {
        long ceiling = Math.min(maxMs, initialMs << Math.min(attempt - 1, 30));
        return Math.max(initialMs / 2, ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }
}
