package com.toprise.infra.mongo;

import java.time.Clock;

/**
 * Cluster times as MongoDB makes them: seconds since the epoch in the high 32 bits, an increment in the low 32.
 * Strictly increasing, also across a restart within the same second, because it starts after the last persisted one.
 */
final class OplogClock {

    private final Clock clock;
    private long last;

    OplogClock(Clock clock, long last) {
        this.clock = clock;
        this.last = last;
    }

    synchronized long next() {
        long secondsNow = clock.instant().getEpochSecond() << 32;
        last = Math.max(secondsNow | 1, last + 1);
        return last;
    }
}
