package com.toprise.common.mongo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every index one collection needs for the queries run against it, declared in code next to the class that owns
 * the collection ({@link IndexDeclaration}), created at start-up by {@link MongoIndexes} and checked against the
 * queries the tests issue. A collection read only by {@code _id} declares no index and says so.
 *
 * <p>A <em>bounded selection</em> is a field whose equality selects few documents by a rule of the domain (at most
 * 20 addresses per user): a query with that equality, answered through an index that starts with it, may sort
 * and filter the rest in memory, so the collection does not need one index per sortable field.
 *
 * @param bounded field → the rule that bounds what its equality selects
 */
public record CollectionIndexes(String collection, List<DeclaredIndex> indexes, Map<String, String> bounded) {

    public CollectionIndexes {
        indexes = List.copyOf(indexes);
        bounded = Map.copyOf(bounded);
    }

    /** A collection with only its {@code _id} index, until {@link #index} or {@link #unique} add others. */
    public static CollectionIndexes of(String collection) {
        return new CollectionIndexes(collection, List.of(), Map.of());
    }

    /** Adds a non-unique index serving the queries {@code serves} describes. */
    public CollectionIndexes index(String serves, IndexKey... keys) {
        return with(new DeclaredIndex(Arrays.asList(keys), false, serves));
    }

    /** Adds a unique index: the store refuses a second document with the same values of these keys. */
    public CollectionIndexes unique(String serves, IndexKey... keys) {
        return with(new DeclaredIndex(Arrays.asList(keys), true, serves));
    }

    /** Declares {@code field} a bounded selection, for the reason given (see the class comment). */
    public CollectionIndexes bounded(String field, String rule) {
        Map<String, String> more = new TreeMap<>(bounded);
        more.put(field, rule);
        return new CollectionIndexes(collection, indexes, more);
    }

    /** The declared indexes with the {@code _id} index every collection has, first. */
    public List<DeclaredIndex> withIdIndex() {
        List<DeclaredIndex> all = new ArrayList<>();
        all.add(new DeclaredIndex(List.of(IndexKey.asc("_id")), true, "reads by id"));
        all.addAll(indexes);
        return all;
    }

    public Set<String> boundedFields() {
        return bounded.keySet();
    }

    private CollectionIndexes with(DeclaredIndex index) {
        if (indexes.stream().anyMatch(existing -> existing.keys().equals(index.keys()))) {
            throw new IllegalArgumentException(collection + " declares " + index.keys() + " twice");
        }
        List<DeclaredIndex> more = new ArrayList<>(indexes);
        more.add(index);
        return new CollectionIndexes(collection, more, bounded);
    }
}
