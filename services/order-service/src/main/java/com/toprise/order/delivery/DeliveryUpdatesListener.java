package com.toprise.order.delivery;

import com.toprise.common.events.EventReader;
import com.toprise.schemas.events.AddressUpdated;
import com.toprise.schemas.events.PincodeUpdated;
import com.toprise.schemas.topics.TopicNames;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link DeliveryAddresses} up to date from user-service's address and pincode events. Redeliveries need no
 * processed-events mark: a copy keeps the newest version (the payload's updatedAt), so an event that comes again,
 * or after a newer one, changes nothing.
 */
@Component
class DeliveryUpdatesListener {

    private static final EventReader<AddressUpdated> ADDRESSES = EventReader.of(Topics.ADDRESS_UPDATED);
    private static final EventReader<PincodeUpdated> PINCODES = EventReader.of(Topics.PINCODE_UPDATED);

    private final DeliveryAddresses delivery;

    DeliveryUpdatesListener(DeliveryAddresses delivery) {
        this.delivery = delivery;
    }

    @KafkaListener(id = "order-service-addresses", topics = TopicNames.ADDRESS_UPDATED)
    void onAddressUpdated(ConsumerRecord<String, byte[]> record) {
        ADDRESSES.read(record).ifPresent(event -> delivery.remember(event.payload()));
    }

    @KafkaListener(id = "order-service-pincodes", topics = TopicNames.PINCODE_UPDATED)
    void onPincodeUpdated(ConsumerRecord<String, byte[]> record) {
        PINCODES.read(record).ifPresent(event -> delivery.remember(event.payload()));
    }
}
