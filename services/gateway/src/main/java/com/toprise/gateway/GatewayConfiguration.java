package com.toprise.gateway;

import com.toprise.common.redis.RedisProperties;
import com.toprise.common.security.AccessTokens;
import com.toprise.common.security.JwtProperties;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The token verifier (shared with the services) and the Redis client of the rate limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GatewayProperties.class, JwtProperties.class, RedisProperties.class})
class GatewayConfiguration {

    @Bean
    AccessTokens accessTokens(JwtProperties jwt) {
        return new AccessTokens(jwt, Clock.systemUTC());
    }

    /** Lazy, one attempt, short timeouts: a missing Redis must not hold up start-up or requests. */
    @Bean(destroyMethod = "shutdown")
    RedissonClient redissonClient(RedisProperties redis) {
        org.redisson.config.Config config = new org.redisson.config.Config().setLazyInitialization(true);
        config.useSingleServer()
                .setAddress(redis.address())
                .setPassword(redis.password())
                .setConnectTimeout((int) redis.connectTimeout().toMillis())
                .setTimeout(1000)
                .setRetryAttempts(0);
        return Redisson.create(config);
    }
}
