package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An H2 collection that answers a query naming one {@code _id} plus other conditions ({@code {_id: X, status:
 * "CREATED"}}, {@code {_id: X, version: 3}}) from the {@code _id} index, as MongoDB does. mongo-java-server uses the
 * index only when the query is the {@code _id} alone and scans the whole collection otherwise, so every conditional
 * update of one document (optimistic versions, state transitions) cost a full scan: 15 ms at 12,000 orders, and
 * growing with the collection.
 */
final class IdIndexedH2Collection extends H2Collection {

    private static final String ID = "_id";

    IdIndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                          MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                         int batchSize, Document fieldSelector) {
        Optional<IndexLookup> lookup = indexLookup(query);
        if (lookup.isPresent()) {
            // the index narrows the candidates; the full query still decides which of them match
            return privateCopies(matchDocuments(query, lookup.get().positions(), orderBy, numberToSkip,
                    numberToReturn, batchSize, fieldSelector));
        }
        return privateCopies(matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector));
    }

    /**
     * The documents a query found, as copies of the stored ones. The stored documents are the MVStore map's values,
     * which its background writer serializes on its own thread; the base server's update changes the document its
     * query found in place (removes and puts its fields) before storing it again, so a query that handed out the
     * stored instance let every update race the writer, whose ConcurrentModificationException closes the store for
     * good ("This store is closed"). With copies an update changes its own and stores it as a new value. Only the
     * first batch is copied: later batches are read by clients (getMore), never changed.
     */
    private static QueryResult privateCopies(QueryResult found) {
        List<Document> copies = new ArrayList<>();
        for (Document document : found) {
            copies.add(document.cloneDeeply());
        }
        return new QueryResult(copies, found.getCursorId());
    }

    /**
     * The index a query with this filter reads, or empty for a scan of the whole collection: the {@code _id} index
     * when the query pins one {@code _id} among other conditions, else the first index that can answer the whole
     * query, as mongo-java-server picks it (equality or {@code $in} on exactly the index's fields). Explain reports
     * this same choice.
     */
    Optional<IndexLookup> indexLookup(Document query) {
        Object id = idOf(query);
        if (id != null && !(query.size() == 1 && query.containsKey(ID))) {
            Document byId = new Document(ID, id);
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(byId)) {
                    return Optional.of(new IndexLookup(index, byId));
                }
            }
        }
        for (Index<Object> index : getIndexes()) {
            if (index.canHandle(query)) {
                return Optional.of(new IndexLookup(index, query));
            }
        }
        return Optional.empty();
    }

    /** The {@code _id} the query pins, flat ({@code {_id: X, …}}) or in an {@code $and} ({@code Filters.and}); else null. */
    private static Object idOf(Document query) {
        if (isPlainValue(query.get(ID))) {
            return query.get(ID);
        }
        if (query.get("$and") instanceof Collection<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document condition && condition.size() == 1 && isPlainValue(condition.get(ID))) {
                    return condition.get(ID);
                }
            }
        }
        return null;
    }

    /** An equality value, not an operator document ({@code $in}, {@code $gt}…), a regex or an array. */
    private static boolean isPlainValue(Object id) {
        return id != null && !(id instanceof Document) && !(id instanceof Pattern) && !(id instanceof Collection)
                && !id.getClass().getSimpleName().equals("BsonRegularExpression");
    }
}
