package com.toprise.common.mongo;

import org.springframework.data.mongodb.core.index.Index;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One secondary index of a collection: its keys in order (equality fields first, then sort fields, then range
 * fields), whether it is unique, and the queries it serves, so that nobody drops it as unused.
 */
public record DeclaredIndex(List<IndexKey> keys, boolean unique, String serves) {

    public DeclaredIndex {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("an index has at least one key");
        }
        if (keys.stream().map(IndexKey::field).distinct().count() != keys.size()) {
            throw new IllegalArgumentException("an index names a field once: " + keys);
        }
    }

    /** The name MongoDB gives such an index by default ({@code customerId_1_createdAt_-1}). */
    public String name() {
        return keys.stream().map(k -> k.field() + "_" + k.order()).collect(Collectors.joining("_"));
    }

    /** Spring Data's definition of it, for {@code IndexOperations.createIndex}. */
    public Index definition() {
        Index index = new Index().named(name());
        keys.forEach(key -> index.on(key.field(), key.direction()));
        return unique ? index.unique() : index;
    }

    @Override
    public String toString() {
        return (unique ? "unique " : "") + keys;
    }
}
