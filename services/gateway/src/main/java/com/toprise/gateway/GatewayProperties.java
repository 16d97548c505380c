package com.toprise.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * What the gateway does besides routing.
 *
 * @param rateLimit      the request budgets kept in Redis
 * @param trustedProxies addresses of load balancers in front of the gateway: only from these is
 *                       {@code X-Forwarded-For} believed when finding the client's address
 */
@ConfigurationProperties("toprise.gateway")
public record GatewayProperties(RateLimit rateLimit, List<String> trustedProxies) {

    public GatewayProperties {
        rateLimit = rateLimit == null ? new RateLimit(true, 0, 0, null, null) : rateLimit;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    /**
     * @param enabled      off only for a benchmark of the raw path
     * @param perUser      requests per interval of one signed-in user, counted on the user id
     * @param perIp        requests per interval of anonymous callers, counted on the client address
     * @param interval     the sliding window both budgets refill over
     * @param redisTimeout how long a limit check may wait for Redis; past it the request passes (fail open) so an
     *                     outage of Redis slows nothing down
     */
    public record RateLimit(boolean enabled, long perUser, long perIp, Duration interval, Duration redisTimeout) {

        public RateLimit {
            perUser = perUser <= 0 ? 50 : perUser;
            perIp = perIp <= 0 ? 100 : perIp;
            interval = interval == null ? Duration.ofSeconds(1) : interval;
            redisTimeout = redisTimeout == null ? Duration.ofMillis(500) : redisTimeout;
        }
    }
}
