package com.toprise.infra;

import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.UniqueIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.Redisson;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's Redis server: a value stored and read back, and a Redisson rate limiter that refuses past its rate. */
@ExtendWith(EmbeddedPlatformExtension.class)
class RedisServerIT {

    @Test
    void setGetAndARateLimiterThatRefusesOverItsLimit(EmbeddedPlatform platform) {
        Config config = new Config();
        config.useSingleServer().setAddress(platform.redisAddress());
        RedissonClient redisson = Redisson.create(config);
        String id = UniqueIds.hex(8);
        try {
            redisson.<String>getBucket("it:greeting:" + id).set("namaste");
            assertThat(redisson.<String>getBucket("it:greeting:" + id).get()).isEqualTo("namaste");

            RRateLimiter limiter = redisson.getRateLimiter("it:limiter:customer-" + id);
            assertThat(limiter.trySetRate(RateType.OVERALL, 3, Duration.ofMinutes(1))).isTrue();
            assertThat(limiter.tryAcquire()).isTrue();
            assertThat(limiter.tryAcquire()).isTrue();
            assertThat(limiter.tryAcquire()).isTrue();
            assertThat(limiter.tryAcquire()).as("fourth request within the minute").isFalse();
        } finally {
            redisson.shutdown();
        }
    }
}
