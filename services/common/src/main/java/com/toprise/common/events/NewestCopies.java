package com.toprise.common.events;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;

/**
 * A service's local copy of another service's records, fed by that service's "latest state" events. Events may
 * come twice or out of order after a replay, so a copy only ever moves forward in time: a write whose version is
 * not newer than the stored one changes nothing.
 */
public final class NewestCopies {

    /** The field every copy keeps its version (the state's time) in. */
    public static final String VERSION_FIELD = "updatedAt";

    private final MongoTemplate mongo;

    public NewestCopies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Sets the fields of {@code update} on the copy {@code id} unless a copy at least as new is stored. */
    public void remember(Class<?> copyType, String id, Instant version, Update update) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(id).orOperator(
                Criteria.where(VERSION_FIELD).lt(version), Criteria.where(VERSION_FIELD).exists(false)));
        update.set(VERSION_FIELD, version);
        try {
            mongo.upsert(olderOrMissing, update, copyType);
        } catch (DuplicateKeyException newerExists) {
            // the copy exists with a newer version: the upsert tried to insert a second one, which is refused
        }
    }
}
