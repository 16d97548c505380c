package com.toprise.order.catalog;

import com.toprise.common.events.EventReader;
import com.toprise.schemas.events.ProductUpdated;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@link KnownProducts} up to date; read from the beginning, so a new instance learns the whole catalog. */
@Component
class ProductUpdatesListener {

    private static final EventReader<ProductUpdated> EVENTS = new EventReader<>(ProductUpdated.class);

    private final KnownProducts products;

    ProductUpdatesListener(KnownProducts products) {
        this.products = products;
    }

    @KafkaListener(id = "order-service-products",
            topics = "#{T(com.toprise.schemas.topics.Topics).PRODUCT_UPDATED.name()}")
    void onProductUpdated(ConsumerRecord<String, byte[]> record) {
        EVENTS.read(record).ifPresent(event -> products.remember(event.payload(), event.occurredAt()));
    }
}
