package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The commands that create, index, rename and drop collections, where mongo-java-server answers as older MongoDB
 * releases did or without an error code: here as MongoDB 7.0 answers. A drop of a missing collection succeeds (since
 * 7.0, SERVER-43894), so does a create of an existing one without options; listIndexes and dropIndexes of a missing
 * collection and a rename of a missing source fail with 26 NamespaceNotFound, a drop of a missing index with 27
 * IndexNotFound; views, time series and clustered collections are refused with 238 NotImplemented instead of
 * being created as plain collections; listCollections honours its filter; createIndexes counts the indexes of its collection, not of the whole database. Each method
 * answers, or returns null when the base server's answer is already MongoDB's.
 */
final class CollectionLifecycleCommands {

    /** Arguments any command may carry, which are not options of a collection. */
    private static final Set<String> GENERIC_ARGUMENTS = Set.of("create", "$db", "lsid", "writeConcern", "comment",
            "$readPreference", "$clusterTime", "apiVersion", "apiStrict", "apiDeprecationErrors", "maxTimeMS");

    /** The create options that make a collection other than a plain one: views, time series, clustered. */
    private static final List<String> UNSUPPORTED_KINDS = List.of("viewOn", "timeseries", "clusteredIndex");

    private final Function<String, MongoDatabase> databases;

    CollectionLifecycleCommands(Function<String, MongoDatabase> databases) {
        this.databases = databases;
    }

    Document drop(String databaseName, Document query) {
        return collection(databaseName, query.get("drop")) == null ? ok() : null;
    }

    Document create(String databaseName, Document query) {
        // the base server created these as plain collections, the view's pipeline or the time series dropped
        for (String unsupported : UNSUPPORTED_KINDS) {
            if (query.containsKey(unsupported)) {
                throw new MongoServerError(238, "NotImplemented",
                        "collections with '" + unsupported + "' are not implemented by the embedded store");
            }
        }
        // the Java driver sends capped: false with every create
        boolean withOptions = query.entrySet().stream().anyMatch(option -> !GENERIC_ARGUMENTS.contains(option.getKey())
                && !(option.getKey().equals("capped") && Boolean.FALSE.equals(option.getValue()))
                && !(option.getKey().equals("autoIndexId") && Boolean.TRUE.equals(option.getValue())));
        return !withOptions && collection(databaseName, query.get("create")) != null ? ok() : null;
    }

    /**
     * The base server's listing, each index written as MongoDB writes it ({@code v}, {@code key}, {@code name},
     * options), {@code _id_} first and the others by name: the store keeps no creation order across restarts.
     */
    @SuppressWarnings("unchecked")
    Document listIndexes(String databaseName, Document query, Function<Document, Document> baseCommand) {
        requireCollection(databaseName, query.get("listIndexes"), "ns does not exist: ");
        Document reply = baseCommand.apply(query);
        if (reply.get("cursor") instanceof Document cursor && cursor.get("firstBatch") instanceof List<?> indexes) {
            cursor.put("firstBatch", ((List<Document>) indexes).stream().map(index -> {
                Document ordered = new Document("v", index.get("v")).append("key", index.get("key"))
                        .append("name", index.get("name"));
                index.forEach(ordered::putIfAbsent);
                return ordered;
            }).sorted(Comparator.comparing((Document index) -> !"_id_".equals(index.get("name")))
                    .thenComparing(index -> String.valueOf(index.get("name")))).toList());
        }
        return reply;
    }

    /**
     * The base server's listing narrowed to the command's {@code filter}, which it ignores: mongosh's
     * {@code coll.exists()} and {@code getCollectionInfos({name: …})} ask for one collection by name. The base
     * server answers every collection in the first batch, so filtering that batch is the whole answer.
     */
    @SuppressWarnings("unchecked")
    Document listCollections(Document query, Function<Document, Document> baseCommand) {
        Document reply = baseCommand.apply(query);
        if (query.get("filter") instanceof Document filter && !filter.isEmpty()
                && reply.get("cursor") instanceof Document cursor && cursor.get("firstBatch") instanceof List<?> batch) {
            QueryMatcher matcher = new DefaultQueryMatcher();
            cursor.put("firstBatch", ((List<Document>) batch).stream().filter(c -> matcher.matches(c, filter)).toList());
        }
        return reply;
    }

    Document dropIndexes(String databaseName, Document query) {
        MongoCollection<?> collection = requireCollection(databaseName, query.get("dropIndexes"), "ns not found ");
        if (query.get("index") instanceof String name && !"*".equals(name)
                && collection.getIndexes().stream().noneMatch(index -> index.getName().equals(name))) {
            throw new MongoServerError(27, "IndexNotFound", "index not found with name [" + name + "]");
        }
        return null;
    }

    Document renameCollection(Document query) {
        String source = String.valueOf(query.get("renameCollection"));
        int dot = source.indexOf('.');
        if (dot > 0 && collection(source.substring(0, dot), source.substring(dot + 1)) == null) {
            throw new MongoServerError(26, "NamespaceNotFound", "Source collection " + source + " does not exist");
        }
        return null;
    }

    /** Runs the base server's createIndexes, then counts as MongoDB does: the collection's indexes, before and after. */
    Document createIndexes(String databaseName, Document query, Function<Document, Document> baseCommand) {
        MongoCollection<?> before = collection(databaseName, query.get("createIndexes"));
        int indexesBefore = before == null ? 0 : before.getNumIndexes();
        Document reply = baseCommand.apply(query);
        MongoCollection<?> after = collection(databaseName, query.get("createIndexes"));
        int indexesAfter = after == null ? 0 : after.getNumIndexes();
        Document answer = new Document("numIndexesBefore", before == null ? 1 : indexesBefore)
                .append("numIndexesAfter", indexesAfter)
                .append("createdCollectionAutomatically", before == null);
        if (before != null && indexesAfter == indexesBefore) {
            answer.append("note", "all indexes already exist");
        }
        reply.keySet().removeAll(List.of("numIndexesBefore", "numIndexesAfter"));
        answer.putAll(reply);
        return answer;
    }

    private MongoCollection<?> requireCollection(String databaseName, Object name, String message) {
        MongoCollection<?> collection = collection(databaseName, name);
        if (collection == null) {
            throw new MongoServerError(26, "NamespaceNotFound", message + databaseName + "." + name);
        }
        return collection;
    }

    private MongoCollection<?> collection(String databaseName, Object name) {
        return name instanceof String collectionName
                ? databases.apply(databaseName).resolveCollection(collectionName, false) : null;
    }

    private static Document ok() {
        return new Document("ok", 1.0);
    }
}
