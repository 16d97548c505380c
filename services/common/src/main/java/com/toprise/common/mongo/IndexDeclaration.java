package com.toprise.common.mongo;

/**
 * The indexes of one collection, declared by the package that owns the collection as a {@code @Component}; common's
 * own collections (audit_log, processed_events) are declared by common. {@link MongoIndexes} creates them at
 * start-up, and the services' tests check every query they see against them (test-jar, {@code IndexedMongo}).
 */
public interface IndexDeclaration {

    CollectionIndexes indexes();
}
