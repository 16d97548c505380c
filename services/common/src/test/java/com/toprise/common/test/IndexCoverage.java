package com.toprise.common.test;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.DeclaredIndex;
import com.toprise.common.mongo.IndexKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the declared indexes of a collection serve a query shape, by the equality-sort-range rule: some index
 * starts with exactly the query's equality fields (in any order), continues with its sort fields in order (all in
 * the index's directions or all reversed), then its range fields. A shape is served without that when it reads
 * one document (equality on {@code _id} or on every key of a unique index), asks for the whole collection in no
 * order, or selects by a bounded field whose index narrows it to few documents (see {@link CollectionIndexes}).
 * A collection with no declaration at all is never served: somebody has to decide what it needs.
 */
public final class IndexCoverage {

    private IndexCoverage() {
    }

    /** One line per shape no declared index serves; empty when every shape is served. */
    public static List<String> violations(Collection<QueryShape> shapes, Map<String, CollectionIndexes> declared) {
        Set<String> lines = new LinkedHashSet<>();
        for (QueryShape shape : shapes) {
            CollectionIndexes indexes = declared.get(shape.collection());
            if (indexes == null) {
                lines.add(shape + ": the collection " + shape.collection() + " has no IndexDeclaration");
            } else {
                problem(shape, indexes).ifPresent(problem -> lines.add(shape + ": " + problem + "; declared: "
                        + indexes.withIdIndex()));
            }
        }
        return List.copyOf(lines);
    }

    /** Why the indexes do not serve the shape, or empty when they do. */
    public static Optional<String> problem(QueryShape shape, CollectionIndexes indexes) {
        Set<String> equality = shape.equality();
        // sorting by a field the filter fixes to one value is no sort at all
        List<IndexKey> sort = shape.sort().stream().filter(key -> !equality.contains(key.field())).toList();
        Set<String> range = new LinkedHashSet<>(shape.range());
        sort.forEach(key -> range.remove(key.field()));
        List<DeclaredIndex> all = indexes.withIdIndex();
        if (equality.isEmpty() && sort.isEmpty() && range.isEmpty()) {
            return Optional.empty();
        }
        if (all.stream().anyMatch(index -> index.unique() && equality.containsAll(fields(index.keys())))) {
            return Optional.empty();
        }
        if (all.stream().anyMatch(index -> indexes.boundedFields().contains(index.keys().get(0).field())
                && equality.contains(index.keys().get(0).field()))) {
            return Optional.empty();
        }
        if (all.stream().anyMatch(index -> serves(index.keys(), equality, sort, range))) {
            return Optional.empty();
        }
        return Optional.of("no declared index starts with the equality fields " + equality + ", then the sort "
                + sort + ", then the range fields " + range);
    }

    private static boolean serves(List<IndexKey> keys, Set<String> equality, List<IndexKey> sort, Set<String> range) {
        int e = equality.size();
        if (keys.size() < e + sort.size() + range.size()
                || !new HashSet<>(fields(keys.subList(0, e))).equals(equality)) {
            return false;
        }
        List<IndexKey> sortPart = keys.subList(e, e + sort.size());
        if (!fields(sortPart).equals(fields(sort)) || !sameOrReversed(sortPart, sort)) {
            return false;
        }
        return new HashSet<>(fields(keys.subList(e + sort.size(), e + sort.size() + range.size()))).equals(range);
    }

    private static boolean sameOrReversed(List<IndexKey> index, List<IndexKey> sort) {
        boolean same = true;
        boolean reversed = true;
        for (int i = 0; i < sort.size(); i++) {
            same &= index.get(i).direction() == sort.get(i).direction();
            reversed &= index.get(i).direction() != sort.get(i).direction();
        }
        return same || reversed;
    }

    private static List<String> fields(List<IndexKey> keys) {
        List<String> fields = new ArrayList<>();
        keys.forEach(key -> fields.add(key.field()));
        return fields;
    }
}
