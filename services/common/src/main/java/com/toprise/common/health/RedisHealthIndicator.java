package com.toprise.common.health;

import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Redis is UP when every node answers PING through the service's own Redisson client. */
public class RedisHealthIndicator extends AbstractHealthIndicator {

    private final RedissonClient redisson;

    public RedisHealthIndicator(RedissonClient redisson) {
        super("Redis health check failed");
        this.redisson = redisson;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean pong = redisson.getRedisNodes(RedisNodes.SINGLE).pingAll();
        (pong ? builder.up() : builder.down()).withDetail("nodes", "single");
    }
}
