package com.toprise.user.auth;

import com.toprise.common.web.TooManyRequestsException;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** At most N login attempts per email per window, across every instance of the service (a Redis rate limiter). */
@Component
class LoginThrottle {

    private final RedissonClient redis;
    private final AuthProperties properties;

    LoginThrottle(RedissonClient redis, AuthProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    void attempt(String email) {
        RRateLimiter limiter = redis.getRateLimiter("auth:login:" + email.toLowerCase(Locale.ROOT));
        if (limiter.trySetRate(RateType.OVERALL, properties.loginAttempts(), properties.loginWindow())) {
            limiter.expire(properties.loginWindow().multipliedBy(2));
        }
        if (!limiter.tryAcquire()) {
            throw new TooManyRequestsException("Too many login attempts for this account; try again later.",
                    properties.loginWindow());
        }
    }
}
