package com.toprise.product.inventory;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.test.IndexedMongo;
import com.toprise.common.test.ListenerRecords;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.InventoryChanged.Reason;
import com.toprise.schemas.topics.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which INVENTORY_CHANGED records take parts off a stock document: the topology's SHIPPED (all three figures), once
 * per event; not its reservations and releases, and not this service's own figures, SHIPPED ones included.
 */
class ShipmentsListenerTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("products");

    private MongoTemplate mongo;
    private StockLedger ledger;
    private ShipmentsListener listener;
    private long offset;

    @BeforeEach
    void start() {
        mongo = store.template();
        ledger = new StockLedger(mongo, new OutboxWriter(mongo), sku -> true);
        listener = new ShipmentsListener(ledger);
        ledger.adjust(new NewAdjustment("BRK-7", "d-1", 6L, "opening count"), "u-admin", "INVENTORY_ADMIN");
    }

    @Test
    void onlyTheTopologysShipmentsLeaveTheDocumentEachOnce() {
        EventEnvelope<InventoryChanged> shipped = topologys(new InventoryChanged("BRK-7", "d-1", 4, 0, 4, -2,
                Reason.SHIPPED));
        deliver(topologys(new InventoryChanged("BRK-7", "d-1", 6, 2, 4, 2, Reason.RESERVED)));
        deliver(shipped);
        deliver(shipped);
        deliver(topologys(InventoryChanged.stockFigure("BRK-7", "d-1", 4, -2, Reason.SHIPPED))); // our own echo
        deliver(topologys(new InventoryChanged("BRK-7", "d-1", 4, 0, 4, 1, Reason.RELEASED)));

        DealerStock stored = mongo.findById("BRK-7|d-1", DealerStock.class);
        assertThat(stored.onHand()).isEqualTo(4);
        assertThat(stored.adjustments()).extracting(DealerStock.Adjustment::delta, DealerStock.Adjustment::eventId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6L, null),
                        org.assertj.core.groups.Tuple.tuple(-2L, shipped.eventId()));
    }

    private static EventEnvelope<InventoryChanged> topologys(InventoryChanged change) {
        return EventEnvelope.of(EventType.INVENTORY_CHANGED, "BRK-7|d-1", change, Instant.now());
    }

    private void deliver(EventEnvelope<InventoryChanged> event) {
        listener.onInventoryChanged(ListenerRecords.to(ShipmentsListener.class, "onInventoryChanged",
                Topics.INVENTORY_CHANGED, event.aggregateId(), event, offset++));
    }
}
