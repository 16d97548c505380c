package com.toprise.connectors.elasticsearch;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void delaysGrowExponentiallyWithJitterAndStayUnderTheCap() {
        Backoff backoff = new Backoff(3, 100, 1000);
        for (int attempt = 1; attempt <= 40; attempt++) {
            long ceiling = Math.min(1000, 100L << Math.min(attempt - 1, 30));
            for (int i = 0; i < 50; i++) {
                assertThat(backoff.delayMs(attempt)).as("attempt %d", attempt).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void jitterSpreadsTheDelays() {
        Backoff backoff = new Backoff(-1, 100, 10_000);
        assertThat(java.util.stream.IntStream.range(0, 50).mapToLong(i -> backoff.delayMs(8)).distinct().count())
                .isGreaterThan(10);
    }

    @Test
    void retriesAreCountedUnlessUnlimited() {
        Backoff backoff = new Backoff(3, 100, 1000);
        assertThat(backoff.mayRetry(3)).isTrue();
        assertThat(backoff.mayRetry(4)).isFalse();
        assertThat(new Backoff(0, 100, 1000).mayRetry(1)).isFalse();
        assertThat(new Backoff(-1, 1, 1).mayRetry(Integer.MAX_VALUE)).isTrue();
    }

    @Test
    void theDefaultsWaitOutAnOutageOfAnyLengthAtMostTenSecondsApart() {
        Backoff defaults = new ElasticsearchSinkConnectorConfig(Map.of("elasticsearch.urls", "http://es:9200")).backoff();
        long waited = 0;
        int attempt = 0;
        while (waited < 120_000) {
            attempt++;
            assertThat(defaults.mayRetry(attempt)).isTrue();
            long delay = defaults.delayMs(attempt);
            assertThat(delay).isBetween(50L, 10_000L);
            waited += delay;
        }
        assertThat(attempt).as("retries in two minutes").isLessThan(60);
    }
}
