package com.toprise.common.test;

import com.toprise.common.redis.RedisProperties;
import com.toprise.common.redis.RedissonClients;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.redisson.api.RedissonClient;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real redis-server (the binary in the embedded-redis jar) on a free port for one test class, with clients made
 * the way the services make theirs ({@link RedissonClients}); several clients stand for several instances of a
 * service. A test module that uses it declares {@code com.github.codemonstur:embedded-redis} in test scope.
 *
 * <pre>
 * {@literal @}RegisterExtension
 * static final EmbeddedRedis redis = new EmbeddedRedis();
 * </pre>
 */
public final class EmbeddedRedis implements BeforeAllCallback, AfterAllCallback {

    private final List<RedissonClient> clients = new ArrayList<>();
    private RedisServer server;
    private int port;

    /** A client of its own, as another instance of the service would have; shut down with the server. */
    public synchronized RedissonClient newClient() {
        RedissonClient client = RedissonClients.create(new RedisProperties(address(), null, Duration.ofSeconds(2)),
                Duration.ofSeconds(2), 0);
        clients.add(client);
        return client;
    }

    public String address() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new RedisServer(port);
        server.start();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        clients.forEach(RedissonClient::shutdown);
        clients.clear();
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
