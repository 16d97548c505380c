package com.toprise.order.catalog;

import com.toprise.common.events.EventReader;
import com.toprise.schemas.events.ProductUpdated;
import com.toprise.schemas.topics.TopicNames;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link KnownProducts} up to date; read from the beginning, so a new instance learns the whole catalog.
 * Redeliveries need no processed-events mark: a copy keeps the newest version (the event's occurredAt), so an event
 * that comes again, or after a newer one, changes nothing.
 */
@Component
class ProductUpdatesListener {

    private static final EventReader<ProductUpdated> EVENTS = EventReader.of(Topics.PRODUCT_UPDATED);

    private final KnownProducts products;

    ProductUpdatesListener(KnownProducts products) {
        this.products = products;
    }

    @KafkaListener(id = "order-service-products", topics = TopicNames.PRODUCT_UPDATED)
    void onProductUpdated(ConsumerRecord<String, byte[]> record) {
        EVENTS.read(record).ifPresent(event -> products.remember(event.payload(), event.occurredAt()));
    }
}
