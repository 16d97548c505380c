package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

import java.util.List;

/**
 * The store has no text search, and says so up front. mongo-java-server accepted {@code {name: "text"}} as an index
 * that is listed but never built, and then failed a {@code $text} query with 2 BadValue "unknown operator: $search",
 * so a service would start against the store and fail at its first search. Here creating a text index fails with
 * 238 NotImplemented, and a {@code $text} query with 27 IndexNotFound, which is what MongoDB answers when the
 * collection has no text index (here no collection can have one).
 */
final class TextSearch {

    private TextSearch() {
    }

    /** Refuses the command if it creates a text index or filters by {@code $text}; otherwise does nothing. */
    static void refuseIn(String lowerCaseCommand, Document query) {
        switch (lowerCaseCommand) {
            case "createindexes" -> {
                if (query.get("indexes") instanceof List<?> indexes && indexes.stream().anyMatch(TextSearch::isTextIndex)) {
                    throw new MongoServerError(238, "NotImplemented",
                            "text indexes are not implemented by the embedded store (see docs/mongo-store.md)");
                }
            }
            case "find", "count", "distinct" -> refuseFilter(query.get("find".equals(lowerCaseCommand) ? "filter" : "query"));
            case "aggregate" -> {
                // MongoDB allows $text only in a first $match stage
                if (query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
                        && pipeline.get(0) instanceof Document first) {
                    refuseFilter(first.get("$match"));
                }
            }
            default -> {
            }
        }
    }

    private static boolean isTextIndex(Object index) {
        return index instanceof Document specification && specification.get("key") instanceof Document key
                && key.values().stream().anyMatch("text"::equals);
    }

    private static void refuseFilter(Object filter) {
        if (filter instanceof Document document && hasText(document)) {
            throw new MongoServerError(27, "IndexNotFound",
                    "text index required for $text query (the embedded store has no text indexes)");
        }
    }

    /** {@code $text} at the top of the filter or in one of its top-level {@code $and}/{@code $or} terms. */
    private static boolean hasText(Document filter) {
        if (filter.containsKey("$text")) {
            return true;
        }
        for (String combinator : List.of("$and", "$or", "$nor")) {
            if (filter.get(combinator) instanceof List<?> terms
                    && terms.stream().anyMatch(term -> term instanceof Document d && hasText(d))) {
                return true;
            }
        }
        return false;
    }
}
