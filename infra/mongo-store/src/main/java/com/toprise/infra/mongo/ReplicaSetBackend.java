package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * mongo-java-server's H2 backend presented as the primary of a one-member replica set, which is what MongoDB
 * change streams and Debezium's MongoDB connector need: {@code hello} names the set, replies carry
 * {@code operationTime}, {@code listDatabases} shows admin, config and local, and change streams at collection,
 * database and deployment scope are served from a {@link CappedOplog}. See {@code infra/mongo-store/docs/mongo-store.md}.
 */
public final class ReplicaSetBackend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(ReplicaSetBackend.class);

    public static final String REPLICA_SET_NAME = "rs0";
    private static final ObjectId ELECTION_ID = new ObjectId("7fffffff0000000000000001");
    private static final Set<String> ALWAYS_LISTED_DATABASES = Set.of("admin", "config", "local");
    private static final long IDLE_CURSOR_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final long maxOplogEntries;
    private final ConcurrentMap<Long, ChangeStreamCursor> changeStreams = new ConcurrentHashMap<>();
    private CappedOplog cappedOplog;

    public ReplicaSetBackend(String fileName, long maxOplogEntries) {
        super(StoreFormat.open(fileName));
        this.maxOplogEntries = maxOplogEntries;
        enableOplog();
    }

    /** Databases whose collections look a document up by its {@code _id} also when the query says more. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IdIndexedH2Database(databaseName);
    }

    /** An inner class: its collections are opened from the super constructor, when only the outer instance is set. */
    private final class IdIndexedH2Database extends H2Database {

        IdIndexedH2Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            // the same map names as H2Database's, with BSON types (StoreFormat)
            return new IdIndexedH2Collection(this, collectionName, options,
                    StoreFormat.documents(getMvStore(), StoreFormat.DATA_PREFIX + namespace),
                    getMvStore().openMap("meta." + namespace), cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String name = getFullCollectionNamespace(collectionName) + StoreFormat.INDEX_INFIX + indexName;
            return new BsonKeyedUniqueIndex(StoreFormat.index(getMvStore(), name), indexName, keys, sparse);
        }
    }

    @Override
    protected Oplog createOplog() {
        cappedOplog = new CappedOplog(this, getMvStore(), maxOplogEntries);
        return cappedOplog;
    }

    CappedOplog oplog() {
        return cappedOplog;
    }

    /** The open change stream with this cursor id, if any: the server's handler lets a getMore on it wait. */
    Optional<ChangeStreamCursor> changeStream(long cursorId) {
        return Optional.ofNullable(changeStreams.get(cursorId));
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document reply = dispatch(channel, databaseName, command.toLowerCase(Locale.ROOT), command, query);
        if (reply != null && !reply.containsKey("operationTime")) {
            reply.put("operationTime", new BsonTimestamp(cappedOplog.lastTimestamp()));
        }
        return reply;
    }

    private Document dispatch(Channel channel, String databaseName, String lowerCaseCommand, String command, Document query) {
        switch (lowerCaseCommand) {
            case "hello", "ismaster" -> {
                return hello(channel, super.handleCommand(channel, databaseName, "isMaster", query));
            }
            case "aggregate" -> {
                if (isChangeStream(query)) {
                    return openChangeStream(databaseName, query);
                }
            }
            case "getmore" -> {
                long cursorId = ((Number) query.get(command)).longValue();
                ChangeStreamCursor cursor = changeStreams.get(cursorId);
                if (cursor != null) {
                    return cursorReply(cursor, "nextBatch", cursor.takeDocuments(batchSize(query.get("batchSize"))));
                }
            }
            case "killcursors" -> {
                @SuppressWarnings("unchecked")
                List<Number> ids = (List<Number>) query.get("cursors");
                ids.forEach(id -> changeStreams.remove(id.longValue()));
            }
            case "findandmodify" -> {
                Document reply = super.handleCommand(channel, databaseName, command, query);
                recordFindAndModify(databaseName + "." + query.get(command), query, reply);
                return reply;
            }
            case "listdatabases" -> {
                if ("admin".equals(databaseName)) {
                    return withInternalDatabases(super.handleCommand(channel, databaseName, command, query));
                }
            }
            case "replsetgetstatus" -> {
                if ("admin".equals(databaseName)) {
                    return replicaSetStatus(channel);
                }
            }
            default -> {
                // everything else as the base server does it
            }
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    private static boolean isChangeStream(Document query) {
        return query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
                && pipeline.get(0) instanceof Document first && first.containsKey("$changeStream");
    }

    private Document openChangeStream(String databaseName, Document query) {
        expireIdleChangeStreams();
        List<Document> pipeline = Aggregation.parse(query.get("pipeline"));
        Document options = (Document) pipeline.get(0).get("$changeStream");
        Object target = query.get("aggregate");
        ChangeStreamScope scope;
        if (target instanceof String collection) {
            scope = ChangeStreamScope.collection(databaseName, collection);
        } else if (Boolean.TRUE.equals(options.get("allChangesForCluster"))) {
            if (!"admin".equals(databaseName)) {
                throw new MongoServerError(ErrorCodes.INVALID_OPTIONS,
                        "A change stream on the whole cluster may only be opened on the 'admin' database");
            }
            scope = ChangeStreamScope.deployment();
        } else {
            if ("admin".equals(databaseName) || "config".equals(databaseName) || "local".equals(databaseName)) {
                throw new MongoServerError(ErrorCodes.INVALID_NAMESPACE,
                        "$changeStream may not be opened on the internal " + databaseName + " database");
            }
            scope = ChangeStreamScope.database(databaseName);
        }
        MongoDatabase database = resolveDatabase(databaseName);
        Aggregation stages = Aggregation.fromPipeline(pipeline.subList(1, pipeline.size()), this::resolveDatabase,
                database, null, cappedOplog);
        ChangeStreamCursor cursor = new ChangeStreamCursor(getCursorRegistry().generateCursorId(), cappedOplog, scope,
                options, stages);
        getCursorRegistry().add(cursor);
        changeStreams.put(cursor.getId(), cursor);
        Document cursorOptions = query.get("cursor") instanceof Document d ? d : new Document();
        Number batchSize = (Number) cursorOptions.get("batchSize");
        return cursorReply(cursor, "firstBatch", cursor.firstBatch(batchSize == null ? null : batchSize.intValue()));
    }

    private static Document cursorReply(ChangeStreamCursor cursor, String batchName, List<Document> batch) {
        Document cursorDocument = new Document("id", cursor.getId())
                .append("ns", cursor.namespace())
                .append(batchName, batch)
                .append("postBatchResumeToken", cursor.postBatchResumeToken());
        return new Document("cursor", cursorDocument).append("ok", 1.0);
    }

    private static int batchSize(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }

    private void expireIdleChangeStreams() {
        changeStreams.values().removeIf(cursor -> {
            boolean idle = cursor.idleNanos() > IDLE_CURSOR_TIMEOUT_NANOS;
            if (idle) {
                getCursorRegistry().remove(cursor);
            }
            return idle;
        });
    }

    /**
     * The base server applies findAndModify without telling the oplog, and reports an upsert or a removal without
     * a lastErrorObject, so the change is read off the reply: the returned document, or the query's {@code _id}.
     */
    private void recordFindAndModify(String namespace, Document query, Document reply) {
        Object value = reply.get("value");
        Object returnedId = value instanceof Document document ? document.get("_id") : null;
        if (Boolean.TRUE.equals(query.get("remove"))) {
            if (returnedId != null) {
                cappedOplog.handleDelete(namespace, null, List.of(returnedId));
            }
            return;
        }
        if (!(query.get("update") instanceof Document update)) {
            return;
        }
        if (reply.get("lastErrorObject") instanceof Document outcome && Boolean.TRUE.equals(outcome.get("updatedExisting"))) {
            if (returnedId != null) {
                cappedOplog.handleUpdate(namespace, (Document) query.get("query"), update, List.of(returnedId));
            }
        } else if (Boolean.TRUE.equals(query.get("upsert"))) {
            Object id = returnedId != null ? returnedId : idOf(query.get("query"));
            if (id != null) {
                cappedOplog.handleUpsert(namespace, id);
            } else {
                log.warn("findAndModify upsert into {} without new:true or an _id in the query is not in the oplog", namespace);
            }
        }
    }

    private static Object idOf(Object selector) {
        return selector instanceof Document document && !(document.get("_id") instanceof Document) ? document.get("_id") : null;
    }

    private Document hello(Channel channel, Document reply) {
        String member = memberAddress(channel);
        BsonTimestamp lastWrite = new BsonTimestamp(cappedOplog.lastTimestamp());
        Instant lastWriteDate = Instant.ofEpochSecond(lastWrite.getTime());
        Document opTime = new Document("ts", lastWrite).append("t", 1L);
        reply.put("isWritablePrimary", Boolean.TRUE);
        reply.put("secondary", Boolean.FALSE);
        reply.put("setName", REPLICA_SET_NAME);
        reply.put("setVersion", 1);
        reply.put("hosts", List.of(member));
        reply.put("primary", member);
        reply.put("me", member);
        reply.put("electionId", ELECTION_ID);
        reply.put("lastWrite", new Document("opTime", opTime).append("lastWriteDate", lastWriteDate)
                .append("majorityOpTime", opTime).append("majorityWriteDate", lastWriteDate));
        return reply;
    }

    private Document replicaSetStatus(Channel channel) {
        Document member = new Document("_id", 0).append("name", memberAddress(channel)).append("health", 1.0)
                .append("state", 1).append("stateStr", "PRIMARY").append("self", Boolean.TRUE);
        return new Document("set", REPLICA_SET_NAME).append("date", Instant.now()).append("myState", 1)
                .append("members", List.of(member)).append("ok", 1.0);
    }

    @SuppressWarnings("unchecked")
    private static Document withInternalDatabases(Document reply) {
        List<Document> databases = new ArrayList<>((List<Document>) reply.get("databases"));
        for (String name : ALWAYS_LISTED_DATABASES) {
            if (databases.stream().noneMatch(d -> name.equals(d.get("name")))) {
                databases.add(new Document("name", name).append("sizeOnDisk", 0L).append("empty", Boolean.FALSE));
            }
        }
        databases.sort(Comparator.comparing(d -> (String) d.get("name")));
        reply.put("databases", databases);
        return reply;
    }

    /** The address the client reached us on: the replica set's only member, so the driver's discovery agrees. */
    private static String memberAddress(Channel channel) {
        InetSocketAddress local = (InetSocketAddress) channel.localAddress();
        return local.getAddress().getHostAddress() + ":" + local.getPort();
    }

    private static final class ErrorCodes {
        static final int INVALID_OPTIONS = 72;
        static final int INVALID_NAMESPACE = 73;
    }
}
