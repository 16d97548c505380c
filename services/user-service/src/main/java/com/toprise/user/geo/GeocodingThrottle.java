package com.toprise.user.geo;

import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Nominatim's usage policy, at most one request a second for the whole application, kept for every instance of
 * every service at once: one Redis rate limiter of type OVERALL, one permit per second. A lookup waits for its
 * permit at most {@link GeocodingProperties#throttleWait()}; when Redis cannot say, the answer is no, since an
 * unthrottled burst can get the platform's address blocked.
 */
@Component
class GeocodingThrottle {

    static final String LIMITER = "geocoding:nominatim";
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(GeocodingThrottle.class);

    private final RedissonClient redis;
    private final Duration wait;
    private volatile boolean rateSet;

    GeocodingThrottle(RedissonClient redis, GeocodingProperties properties) {
        this.redis = redis;
        this.wait = properties.throttleWait();
    }

    /** Takes the next request slot, waiting for it up to the configured time; false when none came. */
    boolean acquire() {
        try {
            RRateLimiter limiter = redis.getRateLimiter(LIMITER);
            if (!rateSet) {
                // trySetRate keeps a rate already set, so instances starting together agree on the first one
                limiter.trySetRate(RateType.OVERALL, 1, INTERVAL);
                rateSet = true;
            }
            return limiter.tryAcquire(wait);
        } catch (RuntimeException e) {
            // the limiter may have vanished with a flushed or restarted Redis: set it again next time
            rateSet = false;
            log.warn("no geocoding slot: Redis did not answer the rate limiter ({})", e.toString());
            return false;
        }
    }
}
