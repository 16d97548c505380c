package com.toprise.infra;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import com.toprise.infra.components.AmqpBroker;
import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@Order(5)
@ExtendWith(EmbeddedPlatformExtension.class)
class AmqpBrokerIT {

    @Test
    void routesAMessageThroughATopicExchangeToAQueue(EmbeddedPlatform platform) throws Exception {
        try (Connection connection = AmqpBroker.connectionFactory(platform.amqpPort()).newConnection("it-amqp");
             Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("it.notifications", "topic", true);
            channel.queueDeclare("it.notifications.email", true, false, false, null);
            channel.queueBind("it.notifications.email", "it.notifications", "email.#");

            channel.basicPublish("it.notifications", "email.order-confirmed", MessageProperties.PERSISTENT_TEXT_PLAIN,
                    "order 42 confirmed".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish("it.notifications", "sms.order-confirmed", MessageProperties.PERSISTENT_TEXT_PLAIN,
                    "not for the email queue".getBytes(StandardCharsets.UTF_8));

            GetResponse received = null;
            long deadline = System.currentTimeMillis() + 10_000;
            while (received == null && System.currentTimeMillis() < deadline) {
                received = channel.basicGet("it.notifications.email", true);
            }
            assertThat(received).isNotNull();
            assertThat(new String(received.getBody(), StandardCharsets.UTF_8)).isEqualTo("order 42 confirmed");
            assertThat(channel.basicGet("it.notifications.email", true)).as("the sms message is not routed here").isNull();
        }
    }
}
