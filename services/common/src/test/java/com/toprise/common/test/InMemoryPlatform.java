package com.toprise.common.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Lets a {@code @SpringBootTest} start a service's whole context with nothing running: its database is a
 * MongoDB-wire server in memory (mongo-java-server), Kafka listeners are created but not started, tokens are
 * {@link TestTokens}', and Kafka, Elasticsearch, Redis and AMQP point at a port nobody listens on. Those clients
 * connect lazily, so the context starts as it does in production while they are down (the Kafka health indicator
 * stays on and retries in the background: the readiness group names it); and a platform running on this
 * machine's default ports is never touched by a test.
 */
public class InMemoryPlatform implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        String mongoUri = mongo.bindAndGetConnectionString();
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                mongo.shutdownNow();
            }
        });
        String nowhere = "127.0.0.1:" + unusedPort();
        Map<String, Object> properties = new HashMap<>();
        properties.put("TOPRISE_MONGO_URI", mongoUri);
        properties.put("spring.mongodb.uri", mongoUri);
        properties.put("TOPRISE_KAFKA_BOOTSTRAP_SERVERS", nowhere);
        properties.put("TOPRISE_ELASTICSEARCH_URIS", "http://" + nowhere);
        properties.put("TOPRISE_REDIS_ADDRESS", "redis://" + nowhere);
        properties.put("TOPRISE_AMQP_HOST", "127.0.0.1");
        properties.put("TOPRISE_AMQP_PORT", nowhere.substring(nowhere.indexOf(':') + 1));
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.put("toprise.security.jwt.public-key", TestTokens.publicKeyPem());
        properties.put("toprise.security.jwt.private-key", TestTokens.privateKeyPem());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("in-memory-platform", properties));
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
