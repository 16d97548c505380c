package com.toprise.gateway.ratelimit;

import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.gateway.GatewayProperties;
import com.toprise.gateway.GatewayProperties.RateLimit;
import com.toprise.gateway.security.JwtAuthenticationFilter;
import com.toprise.gateway.web.ProblemResponses;
import org.redisson.api.RRateLimiterReactive;
import org.redisson.api.RateType;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Request budgets kept in Redis, so every gateway instance counts against the same numbers: a signed-in user spends
 * its own budget wherever it comes from, an anonymous caller (login, registration, catalog browsing) the budget of
 * its address. Users behind one NAT therefore do not starve each other, and a flood of one user leaves the others
 * alone. Past the budget the answer is 429 with Retry-After. When Redis does not answer in time the request passes:
 * the limits protect the services, they must not become the outage.
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final String KEY_PREFIX = "gateway:rate-limit:";

    private final RedissonReactiveClient redis;
    private final RateLimit limits;
    private final ClientAddress clientAddress;

    public RateLimitFilter(RedissonClient redisson, GatewayProperties properties) {
        this.redis = redisson.reactive();
        this.limits = properties.rateLimit();
        this.clientAddress = new ClientAddress(properties.trustedProxies());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!limits.enabled() || exchange.getRequest().getPath().value().startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        Identity identity = exchange.getAttribute(JwtAuthenticationFilter.IDENTITY);
        String key = identity != null ? "user:" + identity.userId() : "ip:" + clientAddress.of(exchange.getRequest());
        long budget = identity != null ? limits.perUser() : limits.perIp();
        return acquire(key, budget)
                .timeout(limits.redisTimeout())
                .onErrorResume(e -> {
                    log.warn("rate limit for {} not checked, request let through: {}", key, e.toString());
                    return Mono.just(true);
                })
                .flatMap(allowed -> allowed ? chain.filter(exchange) : refuse(exchange, key));
    }

    private Mono<Boolean> acquire(String key, long budget) {
        RRateLimiterReactive limiter = redis.getRateLimiter(KEY_PREFIX + key);
        // the limiter is created on the first request of a key and expires after a quiet minute
        return limiter.tryAcquire().onErrorResume(e -> notInitialized(e)
                ? limiter.trySetRate(RateType.OVERALL, budget, limits.interval(), limits.interval().multipliedBy(60))
                        .then(limiter.tryAcquire())
                : Mono.error(e));
    }

    private static boolean notInitialized(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("RateLimiter is not initialized")) {
                return true;
            }
        }
        return false;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String key) {
        long seconds = Math.max(1, (limits.interval().toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "The request budget of " + (key.startsWith("user:") ? "this user" : "this address")
                        + " is spent; retry after " + seconds + " s.");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
