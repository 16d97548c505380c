package com.toprise.common.redis;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import java.time.Duration;

/** The one way a TopRise process connects to Redis, servlet services and the reactive gateway alike. */
public final class RedissonClients {

    private RedissonClients() {
    }

    /**
     * Lazy, so a process starts (and reports Redis DOWN) while Redis is unreachable.
     *
     * @param timeout how long one command may wait for its answer
     * @param retries how often a command is sent again after that
     */
    public static RedissonClient create(RedisProperties redis, Duration timeout, int retries) {
        Config config = new Config().setLazyInitialization(true);
        config.useSingleServer()
                .setAddress(redis.address())
                .setPassword(redis.password())
                .setConnectTimeout((int) redis.connectTimeout().toMillis())
                .setTimeout((int) timeout.toMillis())
                .setRetryAttempts(retries);
        return Redisson.create(config);
    }
}
