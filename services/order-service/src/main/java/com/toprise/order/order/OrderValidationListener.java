package com.toprise.order.order;

import com.toprise.common.events.EventReader;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.topics.TopicNames;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Applies the inventory topology's verdicts (events.order-validated) to the orders. No processed-events mark: a
 * verdict moves only a CREATED order, so a redelivered one finds the order moved and changes nothing, and the
 * mark would cost two more writes per order on the intake's hot path.
 */
@Component
class OrderValidationListener {

    static final String CONSUMER = "order-service-validations";
    private static final EventReader<OrderValidated> EVENTS = EventReader.of(Topics.ORDER_VALIDATED);

    private final OrderValidations validations;

    OrderValidationListener(OrderValidations validations) {
        this.validations = validations;
    }

    /** A whole poll at once: the verdicts of one batch are applied with one read and one bulk write. */
    @KafkaListener(id = CONSUMER, concurrency = "3", batch = "true", topics = TopicNames.ORDER_VALIDATED)
    void onOrderValidated(List<ConsumerRecord<String, byte[]>> records) {
        validations.apply(records.stream().map(EVENTS::read).flatMap(Optional::stream).map(EventEnvelope::payload)
                .toList());
    }
}
