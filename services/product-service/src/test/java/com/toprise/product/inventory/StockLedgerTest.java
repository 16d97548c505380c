package com.toprise.product.inventory;

import com.toprise.common.test.IndexedMongo;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.serde.JsonSerde;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Adjustments against a MongoDB-wire server, through the real driver, Spring Data and the outbox. */
class StockLedgerTest {

    private static final JsonSerde<EventEnvelope<InventoryChanged>> EVENTS = JsonSerde.envelopeOf(InventoryChanged.class);

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("products");

    private MongoTemplate mongo;
    private StockLedger ledger;

    @BeforeEach
    void start() {
        mongo = store.template();
        ledger = new StockLedger(mongo, new OutboxWriter(mongo), sku -> sku.startsWith("BRK"));
    }

    @Test
    void eachAdjustmentIsRecordedWithWhoAndWhyAndCarriesTheAbsoluteFigure() {
        ledger.adjust(new NewAdjustment("BRK-1", "d-1", 10L, "opening count"), "u-admin", "INVENTORY_ADMIN");
        DealerStock stock = ledger.adjust(new NewAdjustment("BRK-1", "d-1", -3L, "damaged in transit"), "u-dealer", "DEALER");

        assertThat(stock.onHand()).isEqualTo(7);
        DealerStock stored = mongo.findById("BRK-1|d-1", DealerStock.class);
        assertThat(stored.adjustments()).extracting(DealerStock.Adjustment::delta, DealerStock.Adjustment::by,
                DealerStock.Adjustment::reason, DealerStock.Adjustment::onHandAfter).containsExactly(
                org.assertj.core.groups.Tuple.tuple(10L, "u-admin", "opening count", 10L),
                org.assertj.core.groups.Tuple.tuple(-3L, "u-dealer", "damaged in transit", 7L));
        InventoryChanged event = lastEvent().payload();
        assertThat(event.onHand()).isEqualTo(7);
        assertThat(event.delta()).isEqualTo(-3);
        assertThat(event.reason()).isEqualTo(InventoryChanged.Reason.ADJUSTMENT);
        assertThat(lastEvent().aggregateId()).isEqualTo("BRK-1|d-1");
    }

    @Test
    void stockNeverGoesNegativeAndUnknownSkusOrZeroDeltasAreRefused() {
        ledger.adjust(new NewAdjustment("BRK-1", "d-1", 2L, "count"), "u", "INVENTORY_ADMIN");
        assertThatThrownBy(() -> ledger.adjust(new NewAdjustment("BRK-1", "d-1", -3L, "oops"), "u", "INVENTORY_ADMIN"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ledger.adjust(new NewAdjustment("OIL-1", "d-1", 1L, "x"), "u", "INVENTORY_ADMIN"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("sku"));
        assertThatThrownBy(() -> ledger.adjust(new NewAdjustment("BRK-1", "d-1", 0L, "x"), "u", "INVENTORY_ADMIN"))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(mongo.findById("BRK-1|d-1", DealerStock.class).onHand()).isEqualTo(2);
    }

    @Test
    void concurrentAdjustmentsAllCount() throws Exception {
        ledger.adjust(new NewAdjustment("BRK-2", "d-1", 100L, "count"), "u", "INVENTORY_ADMIN");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            done.add(pool.submit(() -> {
                try {
                    return ledger.adjust(new NewAdjustment("BRK-2", "d-1", -1L, "pick"), "u", "INVENTORY_ADMIN");
                } catch (ConflictException tooBusy) {
                    return null; // refused outright: it changed nothing
                }
            }));
        }
        long applied = 0;
        for (Future<?> f : done) {
            applied += f.get() == null ? 0 : 1;
        }
        pool.shutdown();
        DealerStock stored = mongo.findById("BRK-2|d-1", DealerStock.class);
        assertThat(stored.onHand()).isEqualTo(100 - applied);
        assertThat(stored.adjustments()).hasSize((int) applied + 1);
        assertThat(applied).isPositive();
    }

    @Test
    void aShipmentOfTheTopologysLeavesTheDocumentOnceAndSaysSoWithAShippedFigure() {
        ledger.adjust(new NewAdjustment("BRK-1", "d-1", 5L, "opening count"), "u-admin", "INVENTORY_ADMIN");

        ledger.shipped("BRK-1", "d-1", 2, "ev-ship-1");
        ledger.shipped("BRK-1", "d-1", 2, "ev-ship-1"); // redelivered
        ledger.shipped("BRK-1", "d-9", 2, "ev-ship-2"); // stock this service never had

        DealerStock stored = mongo.findById("BRK-1|d-1", DealerStock.class);
        assertThat(stored.onHand()).isEqualTo(3);
        assertThat(stored.adjustments()).extracting(DealerStock.Adjustment::delta, DealerStock.Adjustment::by,
                DealerStock.Adjustment::eventId, DealerStock.Adjustment::onHandAfter).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5L, "u-admin", null, 5L),
                org.assertj.core.groups.Tuple.tuple(-2L, StockLedger.SHIPPER, "ev-ship-1", 3L));
        assertThat(lastEvent().payload()).isEqualTo(InventoryChanged.stockFigure("BRK-1", "d-1", 3, -2,
                InventoryChanged.Reason.SHIPPED));
        assertThat(mongo.findById("BRK-1|d-9", DealerStock.class)).isNull();

        ledger.shipped("BRK-1", "d-1", 7, "ev-ship-3"); // more than the document holds: it holds none, not fewer
        assertThat(mongo.findById("BRK-1|d-1", DealerStock.class).onHand()).isZero();
        assertThat(lastEvent().payload().delta()).isEqualTo(-3);
    }

    private EventEnvelope<InventoryChanged> lastEvent() {
        Document stored = mongo.getCollection("dealer_stock").find(new Document("_id", "BRK-1|d-1")).first();
        List<String> outbox = stored.getList(OutboxWriter.FIELD, String.class);
        return EVENTS.deserialize("events.inventory-changed", outbox.get(0).getBytes(StandardCharsets.UTF_8));
    }
}
