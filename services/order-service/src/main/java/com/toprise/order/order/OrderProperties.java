package com.toprise.order.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Order intake settings ({@code toprise.orders.*}).
 *
 * @param currency           the currency every price of the catalog is in
 * @param idempotencyKeyTtl  how long Redis remembers an Idempotency-Key; after that the order id, derived from the
 *                           key, still prevents a second order, but a different body is no longer told apart
 * @param claimTtl           how long a key is held by a request that has not stored its order yet; a crashed request
 *                           blocks retries for at most this long
 * @param replayWait         how long a retry waits for the order of a concurrent first request with the same key
 * @param copiesCacheTtl     how long intake keeps a catalog product or a pincode it read in memory; a change that
 *                           another instance consumed is seen here after at most this long
 */
@ConfigurationProperties("toprise.orders")
public record OrderProperties(
        @DefaultValue("INR") String currency,
        @DefaultValue("24h") Duration idempotencyKeyTtl,
        @DefaultValue("30s") Duration claimTtl,
        @DefaultValue("5s") Duration replayWait,
        @DefaultValue("5s") Duration copiesCacheTtl) {
}
