package com.toprise.user.geo;

import com.toprise.schemas.geo.GeoPoint;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Nominatim's answers in Redis, shared by every instance, so an address is looked up once a month at most (the
 * usage policy asks for caching, and the one-a-second budget is small). "Nothing found" is remembered too, else an
 * unknown street would spend a slot on every save; a failed lookup is not, so the next save tries again. A Redis
 * that does not answer is a miss, never an error.
 */
@Component
class GeocodeCache {

    static final String PREFIX = "geocoding:result:";
    private static final String NOTHING_FOUND = "none";

    private static final Logger log = LoggerFactory.getLogger(GeocodeCache.class);

    /** A remembered answer: where the address is, or null when Nominatim found nothing. */
    record Answer(GeoPoint point) {
    }

    private final RedissonClient redis;
    private final Duration ttl;

    GeocodeCache(RedissonClient redis, GeocodingProperties properties) {
        this.redis = redis;
        this.ttl = properties.cacheTtl();
    }

    Optional<Answer> find(PostalAddress address) {
        try {
            String value = redis.<String>getBucket(PREFIX + address.cacheKey(), StringCodec.INSTANCE).get();
            if (value == null) {
                return Optional.empty();
            }
            if (value.equals(NOTHING_FOUND)) {
                return Optional.of(new Answer(null));
            }
            String[] parts = value.split(",");
            return Optional.of(new Answer(new GeoPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]))));
        } catch (RuntimeException e) {
            log.warn("geocoding cache not read: {}", e.toString());
            return Optional.empty();
        }
    }

    void remember(PostalAddress address, Answer answer) {
        String value = answer.point() == null ? NOTHING_FOUND
                : answer.point().latitude() + "," + answer.point().longitude();
        try {
            redis.<String>getBucket(PREFIX + address.cacheKey(), StringCodec.INSTANCE).set(value, ttl);
        } catch (RuntimeException e) {
            log.warn("geocoding cache not written: {}", e.toString());
        }
    }
}
