package com.toprise.common.outbox;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.Outbox;
import com.toprise.schemas.serde.Json;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The one way a service changes an aggregate and emits its domain events: both in a single-document write. The
 * events go into the document's {@code outbox} field as envelope JSON, replacing those of its previous write;
 * the change stream carries the write to Kafka and the outbox router (topology/) turns the field into records
 * on {@code events.<type>}. A single-document write is atomic on MongoDB and on the embedded store alike, so a
 * state change is never without its events, nor the reverse; nothing is produced to Kafka from a request.
 *
 * <p>Aggregates carry their own ids (the events name them), so ids are assigned before the write.
 */
public class OutboxWriter {

    public static final String FIELD = Outbox.FIELD;

    private final MongoTemplate mongo;

    public OutboxWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts a new aggregate with its events; a duplicate id fails with DuplicateKeyException and writes nothing. */
    public <T> T insert(T aggregate, EventEnvelope<?>... events) {
        Document document = toDocument(aggregate, events);
        mongo.execute(mongo.getCollectionName(aggregate.getClass()), collection -> collection.insertOne(document));
        return aggregate;
    }

    /** Writes the whole aggregate (created if it is new) with its events. */
    public <T> T save(T aggregate, EventEnvelope<?>... events) {
        Document document = toDocument(aggregate, events);
        mongo.execute(mongo.getCollectionName(aggregate.getClass()), collection -> collection.replaceOne(
                Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true)));
        return aggregate;
    }

    /**
     * Applies an operator update to the first document the query matches, setting its events in the same write.
     *
     * @return whether a document matched; when none did, nothing was written and no event will be emitted
     */
    public boolean update(Query query, Update update, Class<?> aggregateType, EventEnvelope<?>... events) {
        update.set(FIELD, entries(events));
        return mongo.updateFirst(query, update, aggregateType).getMatchedCount() > 0;
    }

    /** One conditional change of {@link #updateEach}: an operator update of the first match, with its events. */
    public record Change(Query query, Update update, List<EventEnvelope<?>> events) {
    }

    /**
     * {@link #update} for many aggregates in one round trip (an unordered bulk write). Each change is still a
     * single-document write with its own events, atomic on its own; the batch as a whole is not.
     *
     * @return how many of the changes matched a document (those that did not wrote nothing)
     */
    public int updateEach(Class<?> aggregateType, List<Change> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, aggregateType);
        for (Change change : changes) {
            bulk.updateOne(change.query(), change.update().set(FIELD,
                    entries(change.events().toArray(EventEnvelope<?>[]::new))));
        }
        return bulk.execute().getMatchedCount();
    }

    private Document toDocument(Object aggregate, EventEnvelope<?>[] events) {
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        if (document.get("_id") == null) {
            throw new IllegalArgumentException(aggregate.getClass().getSimpleName()
                    + " has no id: aggregates written with events get their id before the write");
        }
        document.put(FIELD, entries(events));
        return document;
    }

    private static List<String> entries(EventEnvelope<?>[] events) {
        return Arrays.stream(events).map(Objects::requireNonNull).map(Json.MAPPER::writeValueAsString).toList();
    }
}
