package com.toprise.product.inventory;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.topics.Topics;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Applies stock adjustments, and the inventory topology's shipments: the new onHand, the adjustment's record and
 * its INVENTORY_CHANGED go in one document write. Concurrent adjustments of the same stock are serialised by the
 * version: a write that lost the race reads again and retries, so none is lost and onHand never goes below zero.
 */
@Service
class StockLedger {

    private static final int ATTEMPTS = 5;
    /** How a shipment's adjustment names who made it: the inventory topology, as order-service names it. */
    static final String SHIPPER = "SYSTEM:inventory";

    private final MongoTemplate mongo;
    private final OutboxWriter outbox;
    private final Predicate<String> knownSku;
    private final Clock clock = Clock.systemUTC();

    @org.springframework.beans.factory.annotation.Autowired
    StockLedger(MongoTemplate mongo, OutboxWriter outbox, com.toprise.product.catalog.SkuCatalog skus) {
        this(mongo, outbox, skus::exists);
    }

    StockLedger(MongoTemplate mongo, OutboxWriter outbox, Predicate<String> knownSku) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.knownSku = knownSku;
    }

    DealerStock adjust(NewAdjustment request, String by, String role) {
        if (!knownSku.test(request.sku())) {
            throw InvalidRequestException.of("sku", "is not a product of the catalog");
        }
        if (request.delta() == 0) {
            throw InvalidRequestException.of("delta", "must not be zero");
        }
        String id = Topics.inventoryKey(request.sku(), request.dealerId());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            DealerStock current = mongo.findById(id, DealerStock.class);
            DealerStock base = current == null ? DealerStock.empty(request.sku(), request.dealerId()) : current;
            if (base.onHand() + request.delta() < 0) {
                throw new ConflictException("the dealer has " + base.onHand() + " units of " + request.sku()
                        + ": cannot take away " + (-request.delta()));
            }
            Instant now = clock.instant();
            DealerStock.Adjustment adjustment = new DealerStock.Adjustment(request.delta(), request.reason().strip(), by,
                    role, now, base.onHand() + request.delta(), null);
            DealerStock written = write(current, base, adjustment, InventoryChanged.Reason.ADJUSTMENT);
            if (written != null) {
                return written;
            }
        }
        throw tooBusy(request.sku(), request.dealerId());
    }

    /**
     * The inventory topology shipped {@code units} of this stock (its INVENTORY_CHANGED {@code eventId}, reason
     * SHIPPED): they leave the stock document too, once however often the event comes, and the SHIPPED figure that
     * says so tells the topology its shipment is counted here. Never below zero: a document that held fewer loses
     * what it held. Nothing happens for stock this service never had.
     */
    void shipped(String sku, String dealerId, long units, String eventId) {
        String id = Topics.inventoryKey(sku, dealerId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            DealerStock current = mongo.findById(id, DealerStock.class);
            if (current == null || current.applied(eventId)) {
                return;
            }
            long taken = Math.min(units, current.onHand());
            DealerStock.Adjustment adjustment = new DealerStock.Adjustment(-taken, "shipped to a customer",
                    SHIPPER, "SYSTEM", clock.instant(), current.onHand() - taken, eventId);
            if (write(current, current, adjustment, InventoryChanged.Reason.SHIPPED) != null) {
                return;
            }
        }
        throw tooBusy(sku, dealerId);
    }

    /** The adjusted stock, written with its event if nobody wrote it since {@code current} was read; else null. */
    private DealerStock write(DealerStock current, DealerStock base, DealerStock.Adjustment adjustment,
                              InventoryChanged.Reason reason) {
        DealerStock next = base.adjusted(adjustment);
        EventEnvelope<?> event = EventEnvelope.of(EventType.INVENTORY_CHANGED, next.id(),
                next.asEvent(adjustment.delta(), reason), adjustment.at());
        if (current == null) {
            try {
                return outbox.insert(next, event);
            } catch (DuplicateKeyException createdMeanwhile) {
                return null;
            }
        }
        Query sameVersion = Query.query(Criteria.where("_id").is(next.id()).and("version").is(current.version()));
        Update update = new Update().set("onHand", next.onHand()).set("version", next.version())
                .set("updatedAt", adjustment.at()).push("adjustments", adjustment);
        return outbox.update(sameVersion, update, DealerStock.class, event) ? next : null;
    }

    private static ConflictException tooBusy(String sku, String dealerId) {
        return new ConflictException("the stock of " + sku + " at " + dealerId
                + " is changing too often right now: retry");
    }
}
