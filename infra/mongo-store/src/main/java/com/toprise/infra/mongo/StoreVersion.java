package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.MongoVersion;

import java.util.List;

/**
 * The MongoDB release the store presents itself as: 7.0, wire version 21. mongo-java-server's newest choice is 5.0
 * (wire 8), below what current clients accept: the Node.js driver of mongosh 2.x requires at least 9 (4.4), the Java
 * driver 5.x of the services and of Debezium 3.5 accepts 8 to 25. 21 is inside every one of those ranges, also of
 * older mongosh 2.x releases whose driver stops at 21, and 7.0 is where the store's answers come from (for example a
 * {@code drop} of a missing collection succeeds, as since 7.0).
 */
enum StoreVersion implements MongoVersion {
    MONGO_7_0;

    static final String FEATURE_COMPATIBILITY_VERSION = "7.0";

    @Override
    public List<Integer> getVersionArray() {
        return List.of(7, 0, 0);
    }

    @Override
    public int getWireVersion() {
        return 21;
    }
}
