package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * How a query reads a collection through an index: the index and the part of the query it is asked for ({@code _id:
 * X} of {@code {_id: X, status: "CREATED"}}, or the whole query). The rest of the query filters what it returns.
 */
record IndexLookup(Index<Object> index, Document keyQuery) {

    Iterable<Object> positions() {
        return index.getPositions(keyQuery);
    }
}
