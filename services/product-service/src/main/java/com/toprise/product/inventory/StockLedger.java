package com.toprise.product.inventory;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
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
 * Applies stock adjustments: the new onHand, the adjustment's record and its INVENTORY_CHANGED go in one document
 * write. Concurrent adjustments of the same stock are serialised by the version: a write that lost the race reads
 * again and retries, so none is lost and onHand never goes below zero.
 */
@Service
class StockLedger {

    private static final int ATTEMPTS = 5;

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
                    role, now, base.onHand() + request.delta());
            DealerStock next = base.adjusted(adjustment);
            EventEnvelope<?> event = EventEnvelope.of(EventType.INVENTORY_CHANGED, id, next.asEvent(request.delta()), now);
            if (current == null) {
                try {
                    return outbox.insert(next, event);
                } catch (DuplicateKeyException createdMeanwhile) {
                    continue;
                }
            }
            Query sameVersion = Query.query(Criteria.where("_id").is(id).and("version").is(current.version()));
            Update update = new Update().set("onHand", next.onHand()).set("version", next.version())
                    .set("updatedAt", now).push("adjustments", adjustment);
            if (outbox.update(sameVersion, update, DealerStock.class, event)) {
                return next;
            }
        }
        throw new ConflictException("the stock of " + request.sku() + " at " + request.dealerId()
                + " is changing too often right now: retry");
    }
}
