package com.toprise.infra.components;

import com.rabbitmq.client.ConnectionFactory;
import com.toprise.infra.platform.PlatformComponent;
import com.toprise.infra.platform.PlatformSettings;

import java.util.List;

/**
 * A real AMQP 0-9-1 broker: Apache Qpid Broker-J in its own JVM, with its configuration and a Derby
 * message store under the data dir, so durable queues and persistent messages survive a restart.
 */
public final class AmqpBroker extends PlatformComponent {

    public static final String USERNAME = "guest";
    public static final String PASSWORD = "guest";
    public static final String VIRTUAL_HOST = "default";

    public AmqpBroker(PlatformSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "amqp";
    }

    @Override
    public int port() {
        return settings.ports().amqp();
    }

    @Override
    public String address() {
        return "amqp://127.0.0.1:" + port() + "/" + VIRTUAL_HOST;
    }

    @Override
    protected List<String> command() {
        return javaCommand("256m", AmqpBrokerMain.class.getName(), Integer.toString(port()), home().toString());
    }

    @Override
    public boolean isReady() {
        ConnectionFactory factory = connectionFactory(port());
        factory.setConnectionTimeout(1000);
        factory.setHandshakeTimeout(2000);
        try (var connection = factory.newConnection("toprise-readiness")) {
            return connection.isOpen();
        } catch (Exception e) {
            return false;
        }
    }

    public static ConnectionFactory connectionFactory(int port) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setUsername(USERNAME);
        factory.setPassword(PASSWORD);
        factory.setVirtualHost(VIRTUAL_HOST);
        return factory;
    }
}
