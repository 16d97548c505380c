package com.toprise.common.access;

import com.toprise.common.web.ServiceUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The matrix and the deactivated accounts travel through a real Redis from the publisher to every reader. */
class AccessControlStateTest {

    private RedisServer redisServer;
    private RedissonClient publisherClient;
    private RedissonClient readerClient;
    private AccessControlStore publisher;
    private AccessControlState reader;

    @BeforeEach
    void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redisServer = new RedisServer(port);
        redisServer.start();
        publisherClient = client(port);
        readerClient = client(port);
        publisher = new AccessControlStore(publisherClient);
        reader = new AccessControlState(new AccessControlStore(readerClient), Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws IOException {
        reader.stop();
        publisherClient.shutdown();
        readerClient.shutdown();
        redisServer.stop();
    }

    @Test
    void nothingPublishedYetIsUnavailableNotOpen() {
        assertThatThrownBy(() -> reader.scope("CUSTOMER", "orders", Action.READ))
                .isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void aPublishedMatrixIsReadAndUnsetCellsAreNone() {
        publisher.publish(matrix(Scope.OWN), Set.of());
        assertThat(reader.scope("CUSTOMER", "orders", Action.READ)).isEqualTo(Scope.OWN);
        assertThat(reader.scope("CUSTOMER", "orders", Action.DELETE)).isEqualTo(Scope.NONE);
        assertThat(reader.scope("CUSTOMER", "permissions", Action.READ)).isEqualTo(Scope.NONE);
    }

    @Test
    void changesReachARunningReaderWithoutWaitingForTheTimer() {
        publisher.publish(matrix(Scope.OWN), Set.of());
        reader.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.scope("CUSTOMER", "orders", Action.READ) == Scope.OWN);

        publisher.publish(matrix(Scope.NONE), Set.of());
        publisher.setDeactivated("user-1", true);
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(reader.scope("CUSTOMER", "orders", Action.READ)).isEqualTo(Scope.NONE);
            assertThat(reader.isDeactivated("user-1")).isTrue();
        });

        publisher.setDeactivated("user-1", false);
        await().atMost(Duration.ofSeconds(2)).until(() -> !reader.isDeactivated("user-1"));
    }

    @Test
    void aFullPublicationReplacesEverything() {
        publisher.publish(PermissionMatrix.of(Map.of(PermissionMatrix.key("CUSTOMER", "orders", Action.READ), Scope.ALL,
                PermissionMatrix.key("DEALER", "inventory", Action.WRITE), Scope.OWN)), Set.of("a", "b"));
        publisher.publish(matrix(Scope.OWN), Set.of("c"));
        assertThat(reader.reload()).isTrue();
        assertThat(reader.scope("DEALER", "inventory", Action.WRITE)).isEqualTo(Scope.NONE);
        assertThat(reader.isDeactivated("a")).isFalse();
        assertThat(reader.isDeactivated("c")).isTrue();
    }

    @Test
    void whenRedisGoesAwayTheLastCopyStaysInForce() throws IOException {
        publisher.publish(matrix(Scope.OWN), Set.of("gone"));
        assertThat(reader.reload()).isTrue();
        redisServer.stop();
        assertThat(reader.reload()).isFalse();
        assertThat(reader.scope("CUSTOMER", "orders", Action.READ)).isEqualTo(Scope.OWN);
        assertThat(reader.isDeactivated("gone")).isTrue();
    }

    private static PermissionMatrix matrix(Scope customerOrders) {
        return PermissionMatrix.of(Map.of(
                PermissionMatrix.key("CUSTOMER", "orders", Action.READ), customerOrders,
                PermissionMatrix.key("SUPER_ADMIN", "permissions", Action.WRITE), Scope.ALL));
    }

    private static RedissonClient client(int port) {
        Config config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:" + port).setTimeout(1000).setRetryAttempts(0)
                .setConnectTimeout(1000);
        return Redisson.create(config);
    }
}
