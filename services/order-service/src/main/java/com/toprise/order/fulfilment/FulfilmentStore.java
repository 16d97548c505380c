package com.toprise.order.fulfilment;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.paging.MongoPages;
import com.toprise.common.paging.PageQuery;
import com.toprise.schemas.events.EventEnvelope;
import org.bson.Document;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The {@code fulfilments} collection. New fulfilments are inserted only where none with their id exists, so a
 * share delivered twice is offered once; a transition is written with its events through the outbox and only onto
 * the version it was computed from, so of two concurrent steps (a dealer's and a courier's) one lands and the other
 * is told to retry instead of silently undoing the first.
 */
@Component
public class FulfilmentStore {

    private final MongoTemplate mongo;
    private final OutboxWriter outbox;

    public FulfilmentStore(MongoTemplate mongo, OutboxWriter outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    public Optional<Fulfilment> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Fulfilment.class));
    }

    /** Every fulfilment of one order, the replaced and cancelled ones too. */
    public List<Fulfilment> ofOrder(String orderId) {
        return mongo.find(Query.query(Criteria.where("orderId").is(orderId)), Fulfilment.class);
    }

    /**
     * Stores the fulfilments whose id is not stored yet, in one round trip; those already there are left as they
     * are (an upsert that only sets on insert), however far they have moved since.
     *
     * @return how many were new
     */
    public int offer(List<Fulfilment> fulfilments) {
        if (fulfilments.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Fulfilment.class);
        for (Fulfilment fulfilment : fulfilments) {
            Update insertOnly = new Update();
            document(fulfilment).forEach(insertOnly::setOnInsert);
            bulk.upsert(Query.query(Criteria.where("_id").is(fulfilment.id())), insertOnly);
        }
        return bulk.execute().getUpserts().size();
    }

    /**
     * Writes the transition's fulfilment and events if the stored one is still {@code before}'s version.
     *
     * @return false when another write came first: nothing was written
     */
    public boolean write(Fulfilment before, Transition transition) {
        Fulfilment after = transition.fulfilment();
        Fulfilment next = new Fulfilment(after.id(), after.orderId(), after.customerId(), after.dealerId(),
                after.status(), after.lines(), after.acceptBy(), after.parcel(), after.delivery(), after.history(),
                after.createdAt(), after.updatedAt(), before.version() + 1);
        Document fields = document(next);
        Update update = new Update();
        fields.forEach(update::set);
        // a field the new state leaves null is absent from the converted document: unset it, or the old value stays
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(Fulfilment.class);
        for (MongoPersistentProperty property : entity) {
            if (!fields.containsKey(property.getFieldName()) && !property.isIdProperty()) {
                update.unset(property.getFieldName());
            }
        }
        Query sameVersion = Query.query(Criteria.where("_id").is(before.id()).and("version").is(before.version()));
        return outbox.update(sameVersion, update, Fulfilment.class,
                transition.events().toArray(EventEnvelope<?>[]::new));
    }

    public Page<Fulfilment> page(Criteria criteria, PageQuery page) {
        return MongoPages.find(mongo, Query.query(criteria), Fulfilment.class, page);
    }

    private Document document(Fulfilment fulfilment) {
        Document document = new Document();
        mongo.getConverter().write(fulfilment, document);
        document.remove("_id");
        return document;
    }
}
