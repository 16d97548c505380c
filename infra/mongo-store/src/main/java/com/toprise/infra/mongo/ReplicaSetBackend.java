package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
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

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * mongo-java-server's H2 backend presented as the primary of a one-member replica set of MongoDB 7.0, which is what
 * MongoDB change streams, Debezium's MongoDB connector and mongosh need: {@code hello} names the set
 * ({@link ReplicaSetIdentity}) with wire version 21 ({@link StoreVersion}), replies carry {@code operationTime},
 * change streams at collection, database and deployment scope are served from a {@link CappedOplog}, and the
 * commands the base server answers as an older MongoDB or without an error code are answered here as 7.0 does
 * ({@link ServerInfoCommands}, {@link ExplainCommand}, {@link CollectionLifecycleCommands}, {@link CodedErrors},
 * {@link TextSearch}).
 * See {@code infra/mongo-store/docs/mongo-store.md}.
 */
public final class ReplicaSetBackend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(ReplicaSetBackend.class);

    public static final String REPLICA_SET_NAME = ReplicaSetIdentity.REPLICA_SET_NAME;
    /** The commands of a database, not of the server; the base server refuses them on admin (see baseCommand). */
    private static final Set<String> DATABASE_COMMANDS = Set.of("find", "insert", "update", "delete", "create",
            "createindexes", "count", "aggregate", "distinct", "drop", "dropindexes", "dbstats", "collstats",
            "validate", "findandmodify", "listcollections", "listindexes");
    private static final long IDLE_CURSOR_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final long maxOplogEntries;
    private final ConcurrentMap<Long, ChangeStreamCursor> changeStreams = new ConcurrentHashMap<>();
    private final ReplicaSetIdentity identity = new ReplicaSetIdentity(() -> oplog().lastTimestamp());
    private final ExplainCommand explain = new ExplainCommand(this::resolveDatabase);
    private final CollectionLifecycleCommands collections = new CollectionLifecycleCommands(this::resolveDatabase);
    private CappedOplog cappedOplog;

    public ReplicaSetBackend(String fileName, long maxOplogEntries) {
        super(StoreFormat.open(fileName));
        this.maxOplogEntries = maxOplogEntries;
        version(StoreVersion.MONGO_7_0);
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
        Document reply;
        try {
            reply = dispatch(channel, databaseName, command.toLowerCase(Locale.ROOT), command, query);
        } catch (RuntimeException e) {
            throw CodedErrors.withCode(e);
        }
        if (reply != null && !reply.containsKey("operationTime")) {
            reply.put("operationTime", new BsonTimestamp(cappedOplog.lastTimestamp()));
        }
        return reply;
    }

    /** The commands answered here or amended, each falling through to the base server when it answers as MongoDB. */
    private Document dispatch(Channel channel, String databaseName, String lowerCaseCommand, String command, Document query) {
        TextSearch.refuseIn(lowerCaseCommand, query);
        Document reply = switch (lowerCaseCommand) {
            case "hello", "ismaster" -> ServerInfoCommands.completeHello(
                    identity.hello(channel, super.handleCommand(channel, databaseName, "isMaster", query)), query);
            case "buildinfo" -> ServerInfoCommands.buildInfo();
            case "getparameter" -> "admin".equals(databaseName) ? ServerInfoCommands.getParameter(query) : null;
            case "explain" -> explain.explain(channel, databaseName, query);
            case "aggregate" -> isChangeStream(query) ? openChangeStream(databaseName, query)
                    : Boolean.TRUE.equals(query.get("explain")) ? explain.explainAggregate(channel, databaseName, query) : null;
            case "getmore" -> changeStreamBatch(command, query);
            case "killcursors" -> forgetChangeStreams(query);
            case "findandmodify" -> {
                Document modified = baseCommand(channel, databaseName, lowerCaseCommand, command, query);
                recordFindAndModify(databaseName + "." + query.get(command), query, modified);
                yield modified;
            }
            case "drop" -> collections.drop(databaseName, query);
            case "create" -> collections.create(databaseName, query);
            case "createindexes" -> collections.createIndexes(databaseName, query,
                    q -> baseCommand(channel, databaseName, lowerCaseCommand, command, q));
            case "listindexes" -> collections.listIndexes(databaseName, query,
                    q -> baseCommand(channel, databaseName, lowerCaseCommand, command, q));
            case "dropindexes" -> collections.dropIndexes(databaseName, query);
            case "listcollections" -> collections.listCollections(query,
                    q -> baseCommand(channel, databaseName, lowerCaseCommand, command, q));
            case "renamecollection" -> "admin".equals(databaseName) ? collections.renameCollection(query) : null;
            case "listdatabases" -> "admin".equals(databaseName)
                    ? ReplicaSetIdentity.withInternalDatabases(super.handleCommand(channel, databaseName, command, query))
                    : null;
            case "replsetgetstatus" -> "admin".equals(databaseName) ? identity.replicaSetStatus(channel) : null;
            case "replsetgetconfig" -> "admin".equals(databaseName) ? identity.replicaSetConfig(channel) : null;
            default -> null;
        };
        return reply != null ? reply : baseCommand(channel, databaseName, lowerCaseCommand, command, query);
    }

    /**
     * The base server's answer. It sends every command on {@code admin} to its handful of admin commands and refuses
     * the rest, where MongoDB's admin is also a database like any other: mongosh counts {@code admin.atlascli}
     * when it connects, and a find or an aggregate on an admin collection works.
     */
    private Document baseCommand(Channel channel, String databaseName, String lowerCaseCommand, String command,
                                 Document query) {
        boolean adminCollectionCommand = "admin".equals(databaseName) && DATABASE_COMMANDS.contains(lowerCaseCommand)
                && !(query.get(command) instanceof String name && name.startsWith("$cmd"));
        if (adminCollectionCommand) {
            return resolveDatabase(databaseName).handleCommand(channel, command, query, this::resolveDatabase, oplog);
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    private Document changeStreamBatch(String command, Document query) {
        ChangeStreamCursor cursor = changeStreams.get(((Number) query.get(command)).longValue());
        return cursor == null ? null
                : cursorReply(cursor, "nextBatch", cursor.takeDocuments(batchSize(query.get("batchSize"))));
    }

    /** Forgets the change streams among the killed cursors; the base server still answers the kill (returns null). */
    private Document forgetChangeStreams(Document query) {
        @SuppressWarnings("unchecked")
        List<Number> ids = (List<Number>) query.get("cursors");
        ids.forEach(id -> changeStreams.remove(id.longValue()));
        return null;
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

    private static final class ErrorCodes {
        static final int INVALID_OPTIONS = 72;
        static final int INVALID_NAMESPACE = 73;
    }
}
