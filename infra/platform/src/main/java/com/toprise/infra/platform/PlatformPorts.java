package com.toprise.infra.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Every port the embedded platform binds, all on 127.0.0.1.
 * Defaults match the services' {@code local} profile; each can be moved with an environment variable.
 */
public record PlatformPorts(
        int kafka, int kafkaController, int connect,
        int elasticsearch, int elasticsearchTransport,
        int redis, int amqp, int mongo,
        int gateway, int userService, int productService, int orderService, int notificationService,
        int topology) {

    public static PlatformPorts defaults() {
        return new PlatformPorts(9092, 9093, 8083, 9200, 9300, 6379, 5672, 27017, 5000, 5001, 5002, 5003, 5004, 5005);
    }

    /** Defaults overridden by TOPRISE_*_PORT variables, e.g. TOPRISE_KAFKA_PORT=19092. */
    public static PlatformPorts fromEnvironment(Map<String, String> env) {
        PlatformPorts d = defaults();
        ToIntFunction<String> port = name -> Integer.parseInt(env.getOrDefault("TOPRISE_" + name + "_PORT", "-1"));
        return new PlatformPorts(
                or(port.applyAsInt("KAFKA"), d.kafka), or(port.applyAsInt("KAFKA_CONTROLLER"), d.kafkaController),
                or(port.applyAsInt("CONNECT"), d.connect),
                or(port.applyAsInt("ELASTICSEARCH"), d.elasticsearch),
                or(port.applyAsInt("ELASTICSEARCH_TRANSPORT"), d.elasticsearchTransport),
                or(port.applyAsInt("REDIS"), d.redis), or(port.applyAsInt("AMQP"), d.amqp),
                or(port.applyAsInt("MONGO"), d.mongo), or(port.applyAsInt("GATEWAY"), d.gateway),
                or(port.applyAsInt("USER_SERVICE"), d.userService),
                or(port.applyAsInt("PRODUCT_SERVICE"), d.productService),
                or(port.applyAsInt("ORDER_SERVICE"), d.orderService),
                or(port.applyAsInt("NOTIFICATION_SERVICE"), d.notificationService),
                or(port.applyAsInt("TOPOLOGY"), d.topology));
    }

    /** Fourteen distinct ports that were free a moment ago: for tests that must not collide with a running platform. */
    public static PlatformPorts free() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] p = new int[14];
            for (int i = 0; i < p.length; i++) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                p[i] = socket.getLocalPort();
            }
            return new PlatformPorts(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12],
                    p[13]);
        } catch (IOException e) {
            throw new UncheckedIOException("no free ports", e);
        } finally {
            held.forEach(PlatformPorts::closeQuietly);
        }
    }

    private static int or(int value, int fallback) {
        return value > 0 ? value : fallback;
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port is released either way
        }
    }
}
