package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code explain} of find, aggregate, count and distinct, answered in the shape of MongoDB 7.0 (explainVersion 1,
 * queryPlanner with namespace, parsedQuery and winningPlan; executionStats when asked) with the plans of
 * {@link QueryPlans}, which say what the store does. Explain of a write (update, delete, findAndModify) and of a
 * change stream is refused with 238 NotImplemented; of an unknown command with 59 CommandNotFound, as on MongoDB.
 */
final class ExplainCommand {

    private static final Set<String> VERBOSITIES = Set.of("queryPlanner", "executionStats", "allPlansExecution");
    private static final Set<String> EXPLAINABLE_WRITES = Set.of("update", "delete", "findandmodify");

    private final Function<String, MongoDatabase> databases;

    ExplainCommand(Function<String, MongoDatabase> databases) {
        this.databases = databases;
    }

    /** The {@code explain} command: {@code {explain: {find: …}, verbosity: …}}. */
    Document explain(Channel channel, String databaseName, Document query) {
        if (!(query.get("explain") instanceof Document explained) || explained.isEmpty()) {
            throw new MongoServerError(9, "FailedToParse", "explain command requires a nested object");
        }
        Object verbosity = query.getOrDefault("verbosity", "allPlansExecution");
        if (!VERBOSITIES.contains(verbosity)) {
            throw new MongoServerError(2, "BadValue",
                    "verbosity string must be one of {'queryPlanner', 'executionStats', 'allPlansExecution'}");
        }
        boolean executionStats = !"queryPlanner".equals(verbosity);
        String command = explained.keySet().iterator().next();
        String lowerCaseCommand = command.toLowerCase(Locale.ROOT);
        MongoCollection<?> collection = collection(databaseName, explained.get(command));
        String namespace = databaseName + "." + explained.get(command);
        Document reply = switch (lowerCaseCommand) {
            case "find" -> find(collection, namespace, explained, executionStats);
            case "aggregate" -> aggregate(collection, namespace, explained);
            case "count" -> count(collection, namespace, explained);
            case "distinct" -> distinct(collection, namespace, explained);
            default -> throw EXPLAINABLE_WRITES.contains(lowerCaseCommand)
                    ? new MongoServerError(238, "NotImplemented", "explain of " + command + " is not implemented by the embedded store")
                    : new MongoServerError(59, "CommandNotFound", "Explain failed due to unknown command: " + command);
        };
        Document echoed = new Document(explained);
        echoed.putIfAbsent("$db", databaseName);
        return reply.append("command", echoed).append("serverInfo", serverInfo(channel)).append("ok", 1.0);
    }

    /** An {@code aggregate} with {@code explain: true}, the older form some clients still send. */
    Document explainAggregate(Channel channel, String databaseName, Document query) {
        Document explained = new Document(query);
        explained.remove("explain");
        return explain(channel, databaseName, new Document("explain", explained).append("verbosity", "queryPlanner"));
    }

    private MongoCollection<?> collection(String databaseName, Object collectionName) {
        if (!(collectionName instanceof String name)) {
            return null; // aggregate: 1 reads no collection
        }
        return databases.apply(databaseName).resolveCollection(name, false);
    }

    private static Document find(MongoCollection<?> collection, String namespace, Document command,
                                 boolean executionStats) {
        Document filter = document(command.get("filter"));
        int skip = number(command.get("skip"));
        int limit = Math.abs(number(command.get("limit")));
        Document access = QueryPlans.access(collection, filter);
        Document winningPlan = QueryPlans.find(access, document(command.get("sort")), skip, limit,
                document(command.get("projection")));
        Document reply = new Document("explainVersion", "1")
                .append("queryPlanner", queryPlanner(namespace, filter, winningPlan));
        if (executionStats) {
            reply.append("executionStats", executionStats(collection, filter, skip, limit, winningPlan));
        }
        return reply;
    }

    /** Runs the query's filter once to count, as MongoDB's executionStats does; the sort is not run. */
    private static Document executionStats(MongoCollection<?> collection, Document filter, int skip, int limit,
                                           Document winningPlan) {
        long started = System.nanoTime();
        int returned = collection == null ? 0 : collection.count(filter, skip, limit);
        Optional<IndexLookup> lookup = collection instanceof IdIndexedH2Collection indexed
                ? indexed.indexLookup(filter) : Optional.empty();
        int keysExamined = lookup.map(ExplainCommand::size).orElse(0);
        int docsExamined = lookup.isPresent() ? keysExamined : collection == null ? 0 : collection.count();
        Document stages = new Document(winningPlan).append("nReturned", returned);
        return new Document("executionSuccess", Boolean.TRUE)
                .append("nReturned", returned)
                .append("executionTimeMillis", (int) ((System.nanoTime() - started) / 1_000_000))
                .append("totalKeysExamined", keysExamined)
                .append("totalDocsExamined", docsExamined)
                .append("executionStages", stages);
    }

    private static int size(IndexLookup lookup) {
        int count = 0;
        for (Object ignored : lookup.positions()) {
            count++;
        }
        return count;
    }

    /** The whole collection is read, then every stage runs, the {@code $match}es included: no stage is pushed down. */
    private static Document aggregate(MongoCollection<?> collection, String namespace, Document command) {
        List<Document> pipeline = Aggregation.parse(command.get("pipeline"));
        if (!pipeline.isEmpty() && pipeline.get(0).containsKey("$changeStream")) {
            throw new MongoServerError(238, "NotImplemented", "explain of a change stream is not implemented by the embedded store");
        }
        Document scan = QueryPlans.access(collection, new Document());
        List<Document> stages = new ArrayList<>();
        stages.add(new Document("$cursor", new Document("queryPlanner", queryPlanner(namespace, new Document(), scan))));
        stages.addAll(pipeline);
        return new Document("explainVersion", "1").append("stages", stages);
    }

    private static Document count(MongoCollection<?> collection, String namespace, Document command) {
        Document filter = document(command.get("query"));
        Document plan = collection != null && filter.isEmpty()
                ? new Document("stage", "RECORD_STORE_FAST_COUNT")
                : new Document("stage", "COUNT").append("inputStage", QueryPlans.access(collection, filter));
        return new Document("explainVersion", "1").append("queryPlanner", queryPlanner(namespace, filter, plan));
    }

    private static Document distinct(MongoCollection<?> collection, String namespace, Document command) {
        Document filter = document(command.get("query"));
        Document plan = new Document("stage", "PROJECTION_SIMPLE")
                .append("transformBy", new Document(String.valueOf(command.get("key")), 1).append("_id", 0))
                .append("inputStage", QueryPlans.access(collection, filter));
        return new Document("explainVersion", "1").append("queryPlanner", queryPlanner(namespace, filter, plan));
    }

    private static Document queryPlanner(String namespace, Document filter, Document winningPlan) {
        return new Document("namespace", namespace)
                .append("indexFilterSet", Boolean.FALSE)
                .append("parsedQuery", QueryPlans.parsedQuery(filter))
                .append("maxIndexedOrSolutionsReached", Boolean.FALSE)
                .append("maxIndexedAndSolutionsReached", Boolean.FALSE)
                .append("maxScansToExplodeReached", Boolean.FALSE)
                .append("winningPlan", winningPlan)
                .append("rejectedPlans", List.of());
    }

    private static Document serverInfo(Channel channel) {
        InetSocketAddress local = (InetSocketAddress) channel.localAddress();
        return new Document("host", local.getHostString()).append("port", local.getPort())
                .append("version", StoreVersion.MONGO_7_0.toVersionString())
                .append("gitVersion", "toprise-mongo-store");
    }

    private static Document document(Object value) {
        return value instanceof Document document ? document : new Document();
    }

    private static int number(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }
}
