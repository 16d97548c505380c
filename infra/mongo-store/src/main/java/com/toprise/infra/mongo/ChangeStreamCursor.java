package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A tailing cursor over the oplog for one change stream: a collection, a database or the whole deployment. It
 * turns entries into change events of MongoDB's documented shape, runs the stream's own pipeline stages on them
 * and remembers how far it has read, including entries its filters dropped, so the next batch starts after them.
 */
final class ChangeStreamCursor extends AbstractCursor {

    /** A getMore without batchSize takes up to this many events; the driver asks again for more. */
    private static final int DEFAULT_BATCH = 1000;
    /** Bounds the time one getMore spends skipping entries of other namespaces. */
    private static final int MAX_SCANNED_PER_BATCH = 20_000;
    private static final Set<String> INTERNAL_DATABASES = Set.of("admin", "config", "local");

    private final CappedOplog oplog;
    private final ChangeStreamScope scope;
    private final boolean lookupFullDocumentOnUpdate;
    private final Aggregation stages;
    private volatile long position;
    private volatile long lastUsedNanos = System.nanoTime();

    ChangeStreamCursor(long id, CappedOplog oplog, ChangeStreamScope scope, Document changeStream, Aggregation stages) {
        super(id);
        this.oplog = oplog;
        this.scope = scope;
        Object fullDocument = changeStream.get("fullDocument");
        this.lookupFullDocumentOnUpdate = fullDocument != null && !"default".equals(fullDocument);
        this.stages = stages;
        this.position = oplog.startPosition(changeStream);
    }

    String namespace() {
        return scope.cursorNamespace();
    }

    /** Whether the oplog has moved past this cursor, so a getMore need not wait. */
    boolean hasPendingEntries() {
        return oplog.lastTimestamp() > position;
    }

    /** MongoDB's postBatchResumeToken: where a stream resumed with it would continue. */
    Document postBatchResumeToken() {
        return ResumeToken.of(position);
    }

    long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    @Override
    public boolean isEmpty() {
        return false; // a change stream stays open until it is killed
    }

    @Override
    public synchronized List<Document> takeDocuments(int batchSize) {
        lastUsedNanos = System.nanoTime();
        int limit = batchSize > 0 ? batchSize : DEFAULT_BATCH;
        List<Document> events = new ArrayList<>();
        Iterator<Map.Entry<Long, Document>> entries = oplog.entriesAfter(position);
        long read = position;
        int scanned = 0;
        while (events.size() < limit && scanned < MAX_SCANNED_PER_BATCH && entries.hasNext()) {
            Map.Entry<Long, Document> entry = entries.next();
            read = entry.getKey();
            scanned++;
            String namespace = (String) entry.getValue().get(CappedOplog.NAMESPACE);
            if (namespace == null || !scope.includes(namespace) || isInternal(namespace)) {
                continue;
            }
            try (Stream<Document> result = stages.runStagesAsStream(Stream.of(toEvent(entry.getKey(), entry.getValue())))) {
                result.forEach(events::add);
            }
        }
        position = read;
        return events;
    }

    /** A first batch of size 0 only opens the stream, as on MongoDB. */
    List<Document> firstBatch(Integer batchSize) {
        return batchSize != null && batchSize == 0 ? List.of() : takeDocuments(batchSize == null ? 0 : batchSize);
    }

    private boolean isInternal(String namespace) {
        int dot = namespace.indexOf('.');
        return namespace.startsWith("system.", dot + 1)
                || scope.isDeployment() && INTERNAL_DATABASES.contains(namespace.substring(0, dot));
    }

    private Document toEvent(long timestamp, Document entry) {
        ChangeType type = ChangeType.ofCode((String) entry.get(CappedOplog.OP));
        String namespace = (String) entry.get(CappedOplog.NAMESPACE);
        int dot = namespace.indexOf('.');
        Document event = new Document("_id", ResumeToken.of(timestamp))
                .append("operationType", type.operationType())
                .append("clusterTime", ResumeToken.clusterTime(timestamp))
                .append("wallTime", entry.get(CappedOplog.WALL_TIME))
                .append("ns", new Document("db", namespace.substring(0, dot)).append("coll", namespace.substring(dot + 1)));
        if (type == ChangeType.DROP) {
            return event;
        }
        Document postImage = (Document) entry.get(CappedOplog.POST_IMAGE);
        if (type == ChangeType.INSERT || type == ChangeType.REPLACE
                || (type == ChangeType.UPDATE && lookupFullDocumentOnUpdate)) {
            event.append("fullDocument", postImage == null ? null : postImage.cloneDeeply());
        }
        event.append("documentKey", entry.get(CappedOplog.DOCUMENT_KEY));
        if (type == ChangeType.UPDATE) {
            event.append("updateDescription", new Document("updatedFields", entry.get(CappedOplog.UPDATED_FIELDS))
                    .append("removedFields", entry.get(CappedOplog.REMOVED_FIELDS))
                    .append("truncatedArrays", List.of()));
        }
        return event;
    }
}
