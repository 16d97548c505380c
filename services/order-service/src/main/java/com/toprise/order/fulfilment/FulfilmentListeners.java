package com.toprise.order.fulfilment;

import com.toprise.common.events.EventReader;
import com.toprise.common.outbox.ProcessedEvents;
import com.toprise.schemas.events.DealerUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.FulfilmentReassigned;
import com.toprise.schemas.events.OrderStatusChanged;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.topics.TopicNames;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * What the fulfilments learn from the topics, each with its own consumer group so it reads every record whatever
 * the order's own listeners do. Verdicts and dealer profiles need no processed-events mark (a fulfilment is
 * inserted only when its id is new; a dealer copy keeps its newest version), nor does a cancellation (a cancelled
 * fulfilment is no longer open); a reassignment is handled once per event, since it adds units to the waiting
 * lines, which a second run would add again.
 */
@Component
class FulfilmentListeners {

    static final String OFFERS = "order-service-fulfilment-offers";
    static final String REASSIGNMENTS = "order-service-fulfilment-reassignments";
    static final String CANCELLATIONS = "order-service-fulfilment-cancellations";
    static final String DEALERS = "order-service-dealers";

    private static final EventReader<OrderValidated> VERDICTS = EventReader.of(Topics.ORDER_VALIDATED);
    private static final EventReader<FulfilmentReassigned> REASSIGNED = EventReader.of(Topics.FULFILMENT_REASSIGNED);
    private static final EventReader<OrderStatusChanged> STATUSES = EventReader.of(Topics.ORDER_STATUS_CHANGED);
    private static final EventReader<DealerUpdated> PROFILES = EventReader.of(Topics.DEALER_UPDATED);

    private final FulfilmentOffers offers;
    private final FulfilmentCancellations cancellations;
    private final KnownDealers dealers;
    private final ProcessedEvents processed;

    FulfilmentListeners(FulfilmentOffers offers, FulfilmentCancellations cancellations, KnownDealers dealers,
                        ProcessedEvents processed) {
        this.offers = offers;
        this.cancellations = cancellations;
        this.dealers = dealers;
        this.processed = processed;
    }

    /** A whole poll at once, like the verdicts' own listener: one read of the orders and one bulk write. */
    @KafkaListener(id = OFFERS, concurrency = "3", batch = "true", topics = TopicNames.ORDER_VALIDATED)
    void onOrderValidated(List<ConsumerRecord<String, byte[]>> records) {
        offers.offer(records.stream().map(VERDICTS::read).flatMap(Optional::stream).map(EventEnvelope::payload)
                .toList());
    }

    @KafkaListener(id = REASSIGNMENTS, topics = TopicNames.FULFILMENT_REASSIGNED)
    void onFulfilmentReassigned(ConsumerRecord<String, byte[]> record) {
        REASSIGNED.read(record).ifPresent(event -> processed.handleOnce(REASSIGNMENTS, event.eventId(),
                () -> offers.reassigned(event.payload())));
    }

    @KafkaListener(id = CANCELLATIONS, topics = TopicNames.ORDER_STATUS_CHANGED)
    void onOrderStatusChanged(ConsumerRecord<String, byte[]> record) {
        STATUSES.read(record).map(EventEnvelope::payload).filter(change -> change.to() == OrderStatus.CANCELLED)
                .ifPresent(change -> cancellations.orderCancelled(change.orderId(), change.reason()));
    }

    @KafkaListener(id = DEALERS, topics = TopicNames.DEALER_UPDATED)
    void onDealerUpdated(ConsumerRecord<String, byte[]> record) {
        PROFILES.read(record).ifPresent(event -> dealers.remember(event.payload()));
    }
}
