package com.toprise.infra.components;

import com.toprise.infra.platform.PlatformPorts;
import com.toprise.infra.platform.PlatformSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway and the four services as the platform runs them: each told the platform's addresses through the same
 * TOPRISE_* variables a production deployment sets; and what the Connect worker gives the connector files.
 */
public final class PlatformServices {

    private PlatformServices() {
    }

    public static List<SpringService> create(PlatformSettings settings, Map<String, String> serviceSettings) {
        PlatformPorts p = settings.ports();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TOPRISE_MONGO_URI", MongoStore.connectionString(p.mongo()));
        env.put("TOPRISE_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + p.kafka());
        env.put("TOPRISE_ELASTICSEARCH_URIS", "http://127.0.0.1:" + p.elasticsearch());
        env.put("TOPRISE_REDIS_ADDRESS", "redis://127.0.0.1:" + p.redis());
        env.put("TOPRISE_AMQP_HOST", "127.0.0.1");
        env.put("TOPRISE_AMQP_PORT", Integer.toString(p.amqp()));
        env.put("TOPRISE_AMQP_USERNAME", AmqpBroker.USERNAME);
        env.put("TOPRISE_AMQP_PASSWORD", AmqpBroker.PASSWORD);
        env.put("TOPRISE_AMQP_VHOST", AmqpBroker.VIRTUAL_HOST);
        env.put("TOPRISE_USER_SERVICE_URL", "http://127.0.0.1:" + p.userService());
        env.put("TOPRISE_PRODUCT_SERVICE_URL", "http://127.0.0.1:" + p.productService());
        env.put("TOPRISE_ORDER_SERVICE_URL", "http://127.0.0.1:" + p.orderService());
        env.put("TOPRISE_NOTIFICATION_SERVICE_URL", "http://127.0.0.1:" + p.notificationService());
        env.put("TOPRISE_INVENTORY_QUERY_URL", "http://127.0.0.1:" + p.topology()); // product-service's stock reads
        env.putAll(serviceSettings);
        return List.of(
                new SpringService(settings, "user-service", p.userService(), env),
                new SpringService(settings, "product-service", p.productService(), env),
                new SpringService(settings, "order-service", p.orderService(), env),
                new SpringService(settings, "notification-service", p.notificationService(), env),
                new SpringService(settings, "gateway", p.gateway(), env));
    }

    /** What the connector files read with ${env:…}: on a production Connect cluster the same names, other values. */
    public static Map<String, String> connectorEnvironment(PlatformPorts ports) {
        return Map.of(
                "TOPRISE_CDC_MONGODB_CONNECTION_STRING", MongoStore.connectionString(ports.mongo()),
                "TOPRISE_ELASTICSEARCH_URIS", "http://127.0.0.1:" + ports.elasticsearch());
    }
}
