package com.toprise.order.order;

import com.toprise.common.web.InvalidRequestException;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Idempotency-Key of order intake, kept in Redis per customer: the first request with a key claims it, stores
 * its order, then keeps the key for {@link OrderProperties#idempotencyKeyTtl()}; a retry finds the claim and is
 * answered with that order. The order id is derived from the key too, so even a Redis that lost the key cannot
 * let a second order in: the database refuses the duplicate id.
 */
@Component
class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    private final RedissonClient redis;
    private final OrderProperties properties;

    IdempotencyKeys(RedissonClient redis, OrderProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** A UUID, or any 8-100 letters, digits and {@code . _ : -}: enough for a client's own retry ids. */
    static void checkFormat(String key) {
        if (key == null || key.isBlank()) {
            throw InvalidRequestException.of(HEADER, "is required: send a unique key per order and reuse it on retries");
        }
        if (!FORMAT.matcher(key).matches()) {
            throw InvalidRequestException.of(HEADER, "must be 8-100 letters, digits or . _ : -");
        }
    }

    static String orderIdFor(String customerId, String key) {
        return UUID.nameUUIDFromBytes((customerId + "\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Claims the key for this request: true when it was free. Without Redis the request goes on as if it had
     * claimed it: the order id derived from the key still lets only one order in.
     */
    boolean tryClaim(String customerId, String key, String fingerprint) {
        try {
            return bucket(customerId, key).setIfAbsent(fingerprint, properties.claimTtl());
        } catch (RedisException e) {
            log.warn("idempotency keys unavailable, relying on the order id alone: {}", e.getMessage());
            return true;
        }
    }

    /** The fingerprint of the request holding the key; empty if the key is free again. */
    Optional<String> holder(String customerId, String key) {
        return Optional.ofNullable(bucket(customerId, key).get());
    }

    /** The order is stored: keep the key for the retention period. */
    void keep(String customerId, String key, String fingerprint) {
        quietly(() -> bucket(customerId, key).set(fingerprint, properties.idempotencyKeyTtl()));
    }

    /** The request failed before storing an order (bad input, an outage): a retry may claim the key afresh. */
    void release(String customerId, String key) {
        quietly(() -> bucket(customerId, key).delete());
    }

    private static void quietly(Runnable redisCall) {
        try {
            redisCall.run();
        } catch (RedisException e) {
            log.warn("idempotency key not updated: {}", e.getMessage());
        }
    }

    private RBucket<String> bucket(String customerId, String key) {
        return redis.getBucket("orders:idempotency:" + customerId + ":" + key, StringCodec.INSTANCE);
    }
}
