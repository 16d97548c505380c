package com.toprise.common.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Redis as the services use it (through Redisson).
 *
 * @param address        {@code redis://host:port} (or {@code rediss://} for TLS)
 * @param password       optional
 * @param connectTimeout how long a connection attempt may take
 */
@ConfigurationProperties("toprise.redis")
public record RedisProperties(String address, String password, Duration connectTimeout) {

    public RedisProperties {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("toprise.redis.address (TOPRISE_REDIS_ADDRESS) is required");
        }
        // an empty password would make Redisson send AUTH to a server that has none
        password = password == null || password.isBlank() ? null : password;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
    }
}
