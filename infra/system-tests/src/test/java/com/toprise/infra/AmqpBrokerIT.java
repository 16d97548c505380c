package com.toprise.infra;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import com.toprise.infra.components.AmqpBroker;
import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.UniqueIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's AMQP broker (Qpid Broker-J): a topic exchange routes a message to the queue bound to its key only. */
@ExtendWith(EmbeddedPlatformExtension.class)
class AmqpBrokerIT {

    @Test
    void routesAMessageThroughATopicExchangeToAQueue(EmbeddedPlatform platform) throws Exception {
        try (Connection connection = AmqpBroker.connectionFactory(platform.amqpPort()).newConnection("it-amqp");
             Channel channel = connection.createChannel()) {
            String exchange = "it.notifications-" + UniqueIds.hex(8);
            String queue = exchange + ".email";
            channel.exchangeDeclare(exchange, "topic", true);
            channel.queueDeclare(queue, true, false, false, null);
            channel.queueBind(queue, exchange, "email.#");

            channel.basicPublish(exchange, "email.order-confirmed", MessageProperties.PERSISTENT_TEXT_PLAIN,
                    "order 42 confirmed".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish(exchange, "sms.order-confirmed", MessageProperties.PERSISTENT_TEXT_PLAIN,
                    "not for the email queue".getBytes(StandardCharsets.UTF_8));

            GetResponse received = null;
            long deadline = System.currentTimeMillis() + 10_000;
            while (received == null && System.currentTimeMillis() < deadline) {
                received = channel.basicGet(queue, true);
            }
            assertThat(received).isNotNull();
            assertThat(new String(received.getBody(), StandardCharsets.UTF_8)).isEqualTo("order 42 confirmed");
            assertThat(channel.basicGet(queue, true)).as("the sms message is not routed here").isNull();
        }
    }
}
