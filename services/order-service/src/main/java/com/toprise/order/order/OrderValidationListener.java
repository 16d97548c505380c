package com.toprise.order.order;

import com.toprise.common.events.EventReader;
import com.toprise.schemas.events.OrderValidated;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies the inventory topology's verdicts (events.order-validated) to the orders. No processed-events mark: a
 * verdict moves only a CREATED order, so a redelivered one finds the order moved and changes nothing, and the
 * mark would cost two more writes per order on the intake's hot path.
 */
@Component
class OrderValidationListener {

    static final String CONSUMER = "order-service-validations";
    private static final EventReader<OrderValidated> EVENTS = new EventReader<>(OrderValidated.class);

    private final OrderValidations validations;

    OrderValidationListener(OrderValidations validations) {
        this.validations = validations;
    }

    @KafkaListener(id = CONSUMER, concurrency = "3",
            topics = "#{T(com.toprise.schemas.topics.Topics).ORDER_VALIDATED.name()}")
    void onOrderValidated(ConsumerRecord<String, byte[]> record) {
        EVENTS.read(record).ifPresent(event -> validations.apply(event.payload()));
    }
}
