package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan trees of explain, in the stage names of MongoDB's classic query engine, describing what the store does
 * and not what MongoDB would: an index is named only when {@link IdIndexedH2Collection#indexLookup} reads it
 * (the {@code _id} index, a unique index on exactly the queried fields); secondary indexes are listed but never
 * read, so a query on them is a COLLSCAN; a sort is always done in memory (a SORT stage, also when an index has
 * the sort's order), and an aggregation always starts from a scan of the whole collection.
 */
final class QueryPlans {

    private static final long SORT_MEMORY_LIMIT = 100L * 1024 * 1024;

    private QueryPlans() {
    }

    /** The stage that reads the documents matching {@code filter}: FETCH over IXSCAN, COLLSCAN, or EOF without a collection. */
    static Document access(MongoCollection<?> collection, Document filter) {
        if (collection == null) {
            return new Document("stage", "EOF");
        }
        Optional<IndexLookup> lookup = collection instanceof IdIndexedH2Collection indexed
                ? indexed.indexLookup(filter) : Optional.empty();
        if (lookup.isEmpty()) {
            Document scan = new Document("stage", "COLLSCAN");
            if (!filter.isEmpty()) {
                scan.append("filter", parsedQuery(filter));
            }
            return scan.append("direction", "forward");
        }
        Document fetch = new Document("stage", "FETCH");
        Document residual = residual(filter, lookup.get().keyQuery());
        if (!residual.isEmpty()) {
            fetch.append("filter", parsedQuery(residual));
        }
        return fetch.append("inputStage", indexScan(lookup.get()));
    }

    /** What the FETCH stage still tests: the filter without the conditions the index answered. */
    private static Document residual(Document filter, Document keyQuery) {
        Document residual = new Document(filter);
        keyQuery.keySet().forEach(residual::remove);
        if (residual.get("$and") instanceof List<?> terms) {
            List<?> rest = terms.stream().filter(term -> !keyQuery.equals(term)).toList();
            residual.remove("$and");
            if (rest.size() == 1 && rest.get(0) instanceof Document only) {
                residual.putAll(only);
            } else if (!rest.isEmpty()) {
                residual.put("$and", rest);
            }
        }
        return residual;
    }

    private static Document indexScan(IndexLookup lookup) {
        Index<Object> index = lookup.index();
        Document keyPattern = new Document();
        Document bounds = new Document();
        Document multiKeyPaths = new Document();
        for (IndexKey key : index.getKeys()) {
            keyPattern.append(key.getKey(), key.isAscending() ? 1 : -1);
            bounds.append(key.getKey(), pointBounds(lookup.keyQuery().get(key.getKey())));
            multiKeyPaths.append(key.getKey(), List.of());
        }
        return new Document("stage", "IXSCAN")
                .append("keyPattern", keyPattern)
                .append("indexName", index.getName())
                .append("isMultiKey", Boolean.FALSE)
                .append("multiKeyPaths", multiKeyPaths)
                .append("isUnique", index.isUnique())
                .append("isSparse", Boolean.FALSE)
                .append("isPartial", Boolean.FALSE)
                .append("indexVersion", 2)
                .append("direction", "forward")
                .append("indexBounds", bounds);
    }

    /** The point intervals of an equality or {@code $in}, written as MongoDB writes index bounds. */
    private static List<String> pointBounds(Object queried) {
        List<String> bounds = new ArrayList<>();
        if (queried instanceof Document operators && operators.get("$in") instanceof Collection<?> values) {
            values.forEach(value -> bounds.add("[" + literal(value) + ", " + literal(value) + "]"));
        } else if (queried instanceof Document) {
            bounds.add("[MinKey, MaxKey]"); // a regular expression: the whole index is read
        } else {
            bounds.add("[" + literal(queried) + ", " + literal(queried) + "]");
        }
        return bounds;
    }

    private static String literal(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    /** The stages a find adds over the access stage: the in-memory sort, skip, limit and projection, innermost first. */
    static Document find(Document access, Document sort, int skip, int limit, Document projection) {
        Document plan = access;
        if (sort != null && !sort.isEmpty()) {
            plan = new Document("stage", "SORT").append("sortPattern", sort).append("memLimit", SORT_MEMORY_LIMIT)
                    .append("type", "simple").append("inputStage", plan);
        }
        if (skip > 0) {
            plan = new Document("stage", "SKIP").append("skipAmount", skip).append("inputStage", plan);
        }
        if (limit > 0) {
            plan = new Document("stage", "LIMIT").append("limitAmount", limit).append("inputStage", plan);
        }
        if (projection != null && !projection.isEmpty()) {
            plan = new Document("stage", "PROJECTION_DEFAULT").append("transformBy", projection).append("inputStage", plan);
        }
        return plan;
    }

    /**
     * The filter as MongoDB's parsedQuery shows it: an equality as {@code $eq}, several conditions as an
     * {@code $and}; operator documents as they were given.
     */
    static Document parsedQuery(Document filter) {
        List<Document> terms = new ArrayList<>();
        for (Map.Entry<String, Object> condition : filter.entrySet()) {
            Object value = condition.getValue();
            boolean operators = value instanceof Document document && !document.isEmpty()
                    && document.keySet().iterator().next().startsWith("$");
            terms.add(new Document(condition.getKey(),
                    operators || condition.getKey().startsWith("$") ? value : new Document("$eq", value)));
        }
        return terms.size() == 1 ? terms.get(0) : terms.isEmpty() ? new Document() : new Document("$and", terms);
    }
}
