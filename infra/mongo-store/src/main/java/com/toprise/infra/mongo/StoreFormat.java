package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The layout of the store file and its maps. Version 1 (until 2026-11) let H2 Java-serialize documents, ids and
 * index keys; version 2 writes them with {@link BsonDataTypes}. A version 1 file is rewritten once, when the store
 * opens it, before anything reads it: map by map into a copy with the new types, all in one commit, so a crash
 * during the rewrite leaves the file as it was.
 */
final class StoreFormat {

    private static final Logger log = LoggerFactory.getLogger(StoreFormat.class);

    static final String DATA_PREFIX = "databases.";
    static final String INDEX_INFIX = "._index_";
    static final String OPLOG_ENTRIES = "toprise.oplog.entries";
    private static final String FORMAT = "toprise.store.format";
    private static final String VERSION = "version";
    private static final int CURRENT = 2;
    private static final String REWRITING = "toprise.rewriting.";

    private StoreFormat() {
    }

    /** The store in this file (created if absent) in the current layout. */
    static MVStore open(String fileName) {
        log.info("opening MVStore in '{}'", fileName);
        MVStore store = MVStore.open(fileName);
        if (isCurrent(store)) {
            return store;
        }
        store.close();
        rewrite(fileName);
        return MVStore.open(fileName);
    }

    private static boolean isCurrent(MVStore store) {
        return store.<String, Integer>openMap(FORMAT).getOrDefault(VERSION, 1) >= CURRENT;
    }

    private static void rewrite(String fileName) {
        // nothing is written before the one commit: neither on a timer nor when the changes fill a buffer
        MVStore store = new MVStore.Builder().fileName(fileName).autoCommitDisabled().autoCommitBufferSize(0).open();
        try {
            int rewritten = rewriteMaps(store);
            store.<String, Integer>openMap(FORMAT).put(VERSION, CURRENT);
            store.commit();
            store.close();
            if (rewritten > 0) {
                log.info("rewrote {} maps of {} in store format {}", rewritten, fileName, CURRENT);
            }
        } catch (RuntimeException e) {
            store.closeImmediately(); // writes nothing: the file stays as it was
            throw e;
        }
    }

    static MVMap<Object, Document> documents(MVStore store, String name) {
        return store.openMap(name, documentsType());
    }

    static MVMap<KeyValue, Object> index(MVStore store, String name) {
        return store.openMap(name, indexType());
    }

    static MVMap<Long, Document> oplog(MVStore store) {
        return store.openMap(OPLOG_ENTRIES, oplogType());
    }

    private static int rewriteMaps(MVStore store) {
        int rewritten = 0;
        for (String name : List.copyOf(store.getMapNames())) {
            MVMap<Object, Object> copy = copyWithNewTypes(store, name);
            if (copy != null) {
                copy.putAll(store.openMap(name));
                store.removeMap(name);
                store.renameMap(copy, name);
                rewritten++;
            }
        }
        return rewritten;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MVMap<Object, Object> copyWithNewTypes(MVStore store, String name) {
        MVMap.Builder type;
        if (name.startsWith(DATA_PREFIX)) {
            type = documentsType();
        } else if (name.contains(INDEX_INFIX)) {
            type = indexType();
        } else if (name.equals(OPLOG_ENTRIES)) {
            type = oplogType();
        } else {
            return null; // meta maps hold numbers and strings, which H2 writes natively
        }
        return (MVMap<Object, Object>) store.openMap(REWRITING + name, type);
    }

    private static MVMap.Builder<Object, Document> documentsType() {
        return new MVMap.Builder<Object, Document>().keyType(BsonDataTypes.VALUE).valueType(BsonDataTypes.DOCUMENT);
    }

    private static MVMap.Builder<KeyValue, Object> indexType() {
        return new MVMap.Builder<KeyValue, Object>().keyType(BsonDataTypes.INDEX_KEY).valueType(BsonDataTypes.VALUE);
    }

    private static MVMap.Builder<Long, Document> oplogType() {
        return new MVMap.Builder<Long, Document>().valueType(BsonDataTypes.DOCUMENT);
    }
}
