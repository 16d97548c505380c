package com.toprise.user;

import com.mongodb.client.model.Filters;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.schemas.serde.Json;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * The events a document's last write left in its outbox field, as the outbox router reads them: envelope JSON,
 * here as trees so a test can look at the type and any payload field of each.
 */
public final class OutboxEntries {

    private OutboxEntries() {
    }

    public static List<JsonNode> of(MongoTemplate mongo, String collection, String id) {
        Document document = mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
        if (document == null) {
            throw new AssertionError("no document " + id + " in " + collection);
        }
        return document.getList(OutboxWriter.FIELD, String.class).stream().map(Json.MAPPER::readTree).toList();
    }

    /** The one entry of this event type; fails when there is none or more than one. */
    public static JsonNode ofType(List<JsonNode> entries, String type) {
        List<JsonNode> matching = entries.stream().filter(e -> type.equals(e.path("type").asString())).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + type + " in the outbox, found " + entries);
        }
        return matching.get(0);
    }
}
