package com.toprise.common.outbox;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;

/**
 * The eventIds a consumer has handled, in its service's database ({@code processed_events}), so that an event
 * delivered twice (a connector or router restart re-delivers) is handled once. For a consumer whose effect is not
 * idempotent by construction; one that keeps the newest copy by version (NewestCopies) or moves a record only from
 * an expected state needs no mark, and the README's list of consumers says which relies on which. The mark is
 * written after the handler succeeds: a crash in between means the handler runs again, so a handler's effect must
 * still tolerate a rare second run (a duplicate notification rather than a second charge).
 */
public class ProcessedEvents {

    public static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;

    public ProcessedEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Runs the handler unless this consumer has handled the event before; returns whether it ran. */
    public boolean handleOnce(String consumer, String eventId, Runnable handler) {
        String id = consumer + ":" + eventId;
        if (mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION)) {
            return false;
        }
        handler.run();
        try {
            mongo.insert(new Document("_id", id).append("consumer", consumer).append("eventId", eventId)
                    .append("handledAt", Instant.now()), COLLECTION);
        } catch (DuplicateKeyException concurrentDelivery) {
            // another instance handled it at the same time; the handler is idempotent
        }
        return true;
    }
}
