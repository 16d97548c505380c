package com.toprise.order.delivery;

import com.toprise.common.events.EventReader;
import com.toprise.schemas.events.AddressUpdated;
import com.toprise.schemas.events.PincodeUpdated;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@link DeliveryAddresses} up to date from user-service's address and pincode events. */
@Component
class DeliveryUpdatesListener {

    private static final EventReader<AddressUpdated> ADDRESSES = new EventReader<>(AddressUpdated.class);
    private static final EventReader<PincodeUpdated> PINCODES = new EventReader<>(PincodeUpdated.class);

    private final DeliveryAddresses delivery;

    DeliveryUpdatesListener(DeliveryAddresses delivery) {
        this.delivery = delivery;
    }

    @KafkaListener(id = "order-service-addresses",
            topics = "#{T(com.toprise.schemas.topics.Topics).ADDRESS_UPDATED.name()}")
    void onAddressUpdated(ConsumerRecord<String, byte[]> record) {
        ADDRESSES.read(record).ifPresent(event -> delivery.remember(event.payload()));
    }

    @KafkaListener(id = "order-service-pincodes",
            topics = "#{T(com.toprise.schemas.topics.Topics).PINCODE_UPDATED.name()}")
    void onPincodeUpdated(ConsumerRecord<String, byte[]> record) {
        PINCODES.read(record).ifPresent(event -> delivery.remember(event.payload()));
    }
}
