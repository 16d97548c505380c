package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's oplog: one entry per changed document, keyed by its cluster time in an MVStore map of the same file
 * as the data, so it survives a restart and a tailing read is an ordered range scan from a position rather than a
 * scan and sort of everything. Like a real oplog it is capped: past {@code maxEntries} the oldest entries go, and a
 * stream that wants to resume before what is left gets MongoDB's ChangeStreamHistoryLost error.
 *
 * <p>Each entry keeps the post-image of the document, so change events carry the document as it was right after
 * that change (MongoDB's {@code updateLookup} reads the document at read time instead, which may be later).
 */
public final class CappedOplog implements Oplog {

    static final String OP = "op";
    static final String NAMESPACE = "ns";
    static final String WALL_TIME = "wall";
    static final String DOCUMENT_KEY = "key";
    static final String POST_IMAGE = "doc";
    static final String UPDATED_FIELDS = "updated";
    static final String REMOVED_FIELDS = "removed";

    private static final String TRIMMED_UP_TO = "trimmedUpTo";
    private static final String LAST_TIMESTAMP = "lastTimestamp";

    private final MongoBackend backend;
    private final MVMap<Long, Document> entries;
    private final MVMap<String, Long> meta;
    private final OplogClock clock;
    private final Clock wallClock;
    private final long maxEntries;
    private volatile long lastTimestamp;
    private final Set<Runnable> appendWaiters = ConcurrentHashMap.newKeySet();

    public CappedOplog(MongoBackend backend, MVStore store, long maxEntries) {
        this.backend = backend;
        this.entries = StoreFormat.oplog(store);
        this.meta = store.openMap("toprise.oplog.meta");
        this.wallClock = backend.getClock();
        this.maxEntries = maxEntries;
        Long lastKey = entries.lastKey();
        long persisted = Math.max(lastKey == null ? 0 : lastKey, meta.getOrDefault(LAST_TIMESTAMP, 0L));
        this.clock = new OplogClock(wallClock, persisted);
        this.lastTimestamp = persisted;
    }

    /** The cluster time of the newest entry, or of the last one before a restart: the server's operationTime. */
    public long lastTimestamp() {
        return lastTimestamp;
    }

    /** Runs {@code wake} once, on the next append (from the appending thread: it must only hand over). */
    void awaitAppend(Runnable wake) {
        appendWaiters.add(wake);
    }

    void stopAwaiting(Runnable wake) {
        appendWaiters.remove(wake);
    }

    public long size() {
        return entries.sizeAsLong();
    }

    @Override
    public void handleInsert(String namespace, List<Document> documents) {
        for (Document document : documents) {
            Document entry = entry(ChangeType.INSERT, namespace)
                    .append(DOCUMENT_KEY, new Document("_id", document.get("_id")))
                    .append(POST_IMAGE, document.cloneDeeply());
            append(entry);
        }
    }

    @Override
    public void handleUpdate(String namespace, Document selector, Document update, List<Object> modifiedIds) {
        boolean replacement = update.keySet().stream().noneMatch(key -> key.startsWith("$"));
        for (Object id : modifiedIds) {
            Document postImage = findById(namespace, id);
            if (postImage == null) {
                continue; // deleted in between: the delete has its own entry
            }
            Document entry = entry(replacement ? ChangeType.REPLACE : ChangeType.UPDATE, namespace)
                    .append(DOCUMENT_KEY, new Document("_id", id))
                    .append(POST_IMAGE, postImage);
            if (!replacement) {
                UpdateDescription description = UpdateDescription.of(update, postImage);
                entry.append(UPDATED_FIELDS, description.updatedFields())
                        .append(REMOVED_FIELDS, description.removedFields());
            }
            append(entry);
        }
    }

    /** An upsert of findAndModify, which the base server does not report to the oplog. */
    void handleUpsert(String namespace, Object id) {
        Document document = findById(namespace, id);
        if (document != null) {
            handleInsert(namespace, List.of(document));
        }
    }

    @Override
    public void handleDelete(String namespace, Document query, List<Object> deletedIds) {
        for (Object id : deletedIds) {
            append(entry(ChangeType.DELETE, namespace).append(DOCUMENT_KEY, new Document("_id", id)));
        }
    }

    @Override
    public void handleDropCollection(String namespace) {
        append(entry(ChangeType.DROP, namespace));
    }

    /** A collection-level {@code watch()}, as the base server routes it; database and cluster streams come from the backend. */
    @Override
    public Cursor createCursor(Document changeStream, String namespace, Aggregation aggregation) {
        throw new IllegalStateException("change streams are opened by ReplicaSetBackend");
    }

    /** The position a new stream starts after, from its {@code $changeStream} options. */
    long startPosition(Document changeStream) {
        Object resumeAfter = changeStream.get("resumeAfter");
        Object startAfter = changeStream.get("startAfter");
        Object startAtOperationTime = changeStream.get("startAtOperationTime");
        long position;
        if (resumeAfter != null || startAfter != null) {
            position = ResumeToken.timestampOf(resumeAfter != null ? resumeAfter : startAfter);
        } else if (startAtOperationTime instanceof de.bwaldvogel.mongo.bson.BsonTimestamp timestamp) {
            position = timestamp.getValue() - 1; // inclusive
        } else if (startAtOperationTime != null) {
            throw new MongoServerError(14, "TypeMismatch", "startAtOperationTime must be a timestamp");
        } else {
            return lastTimestamp;
        }
        long trimmedUpTo = meta.getOrDefault(TRIMMED_UP_TO, 0L);
        if (position < trimmedUpTo) {
            throw new MongoServerError(286, "ChangeStreamHistoryLost",
                    "Resume of change stream was not possible, as the resume point may no longer be in the oplog.");
        }
        return position;
    }

    /** Entries after a position, oldest first. */
    Iterator<Map.Entry<Long, Document>> entriesAfter(long position) {
        Long from = entries.higherKey(position);
        if (from == null) {
            return java.util.Collections.emptyIterator();
        }
        Iterator<Long> keys = entries.keyIterator(from);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return keys.hasNext();
            }

            @Override
            public Map.Entry<Long, Document> next() {
                Long key = keys.next();
                Document value = entries.get(key);
                return Map.entry(key, Objects.requireNonNullElseGet(value, Document::new));
            }
        };
    }

    private Document entry(ChangeType type, String namespace) {
        return new Document(OP, type.code()).append(NAMESPACE, namespace)
                .append(WALL_TIME, wallClock.instant());
    }

    // one lock orders both the timestamps and the map, so a reader never sees ts n+1 before ts n
    private synchronized void append(Document entry) {
        long timestamp = clock.next();
        entries.put(timestamp, entry);
        lastTimestamp = timestamp;
        if (entries.sizeAsLong() > maxEntries) {
            trim();
        }
        for (Iterator<Runnable> waiters = appendWaiters.iterator(); waiters.hasNext(); ) {
            Runnable wake = waiters.next();
            waiters.remove();
            wake.run();
        }
    }

    private void trim() {
        long excess = entries.sizeAsLong() - maxEntries + Math.max(1, maxEntries / 10);
        List<Long> oldest = new ArrayList<>();
        Iterator<Long> keys = entries.keyIterator(null);
        while (keys.hasNext() && oldest.size() < excess) {
            oldest.add(keys.next());
        }
        oldest.forEach(entries::remove);
        if (!oldest.isEmpty()) {
            meta.put(TRIMMED_UP_TO, oldest.get(oldest.size() - 1));
        }
        meta.put(LAST_TIMESTAMP, lastTimestamp);
    }

    private Document findById(String namespace, Object id) {
        int dot = namespace.indexOf('.');
        MongoDatabase database = backend.resolveDatabase(namespace.substring(0, dot));
        MongoCollection<?> collection = database.resolveCollection(namespace.substring(dot + 1), false);
        if (collection == null) {
            return null;
        }
        for (Document document : collection.handleQuery(new Document("_id", id), 0, 1)) {
            return document.cloneDeeply();
        }
        return null;
    }
}
