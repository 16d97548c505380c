package com.toprise.product.inventory;

import com.toprise.common.events.EventReader;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.topics.TopicNames;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes shipped parts off the stock documents. The inventory topology decides a shipment (a fulfilment or order
 * SHIPPED turns its reservation into fewer units on hand) and says so on INVENTORY_CHANGED with reason SHIPPED and
 * all three figures; without this the documents would keep the shipped parts, and the next adjustment's absolute
 * figure would put them back on the topology's shelf. Only committed records are read (the topology writes
 * exactly once, in transactions), and {@link StockLedger#shipped} applies each event once. This service's own
 * figures on the same topic carry no {@code reserved} and are skipped.
 */
@Component
class ShipmentsListener {

    private static final EventReader<InventoryChanged> EVENTS = EventReader.of(Topics.INVENTORY_CHANGED);

    private final StockLedger ledger;

    ShipmentsListener(StockLedger ledger) {
        this.ledger = ledger;
    }

    @KafkaListener(id = "product-service-shipments", topics = TopicNames.INVENTORY_CHANGED,
            properties = "isolation.level=read_committed")
    void onInventoryChanged(ConsumerRecord<String, byte[]> record) {
        EVENTS.read(record).ifPresent(event -> {
            InventoryChanged change = event.payload();
            if (change.reason() == InventoryChanged.Reason.SHIPPED && change.reserved() != null
                    && change.delta() < 0) {
                ledger.shipped(change.sku(), change.dealerId(), -change.delta(), event.eventId());
            }
        });
    }
}
