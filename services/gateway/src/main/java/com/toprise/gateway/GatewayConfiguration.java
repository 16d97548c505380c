package com.toprise.gateway;

import com.toprise.common.redis.RedisProperties;
import com.toprise.common.security.AccessTokens;
import com.toprise.common.security.JwtProperties;
import com.toprise.common.redis.RedissonClients;
import com.toprise.common.web.HttpProperties;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** The token verifier and the body-size limit (shared with the services), and the Redis client of the rate limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GatewayProperties.class, JwtProperties.class, RedisProperties.class,
        HttpProperties.class})
class GatewayConfiguration {

    @Bean
    AccessTokens accessTokens(JwtProperties jwt) {
        return new AccessTokens(jwt, Clock.systemUTC());
    }

    /** No retry and a short timeout: a missing Redis must not hold up requests (the rate limit fails open). */
    @Bean(destroyMethod = "shutdown")
    RedissonClient redissonClient(RedisProperties redis) {
        return RedissonClients.create(redis, Duration.ofSeconds(1), 0);
    }
}
