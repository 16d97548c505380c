package com.toprise.common.mongo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexOperations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Creates the declared indexes of the service's database when the context starts, before the web server takes
 * requests and before start-up runners seed collections (a unique index must exist before the first write it
 * guards). Creating an index that exists with the same keys and options is a no-op on MongoDB, so every start
 * and every instance does it. An index that exists with other options (say, once non-unique, now unique) fails
 * the start: that is a migration to run by hand, not something to guess. Spring Data's automatic index creation
 * stays off; these declarations are the only source of indexes.
 */
public class MongoIndexes implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(MongoIndexes.class);

    private final MongoOperations mongo;
    private final List<CollectionIndexes> declared;

    public MongoIndexes(MongoOperations mongo, Collection<? extends IndexDeclaration> declarations) {
        this.mongo = mongo;
        this.declared = merge(declarations.stream().map(IndexDeclaration::indexes).toList());
    }

    /** Every collection's declaration, by collection name. */
    public List<CollectionIndexes> declared() {
        return declared;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensure();
    }

    /** Creates what is missing; returns the names of the declared indexes, by collection. */
    public Map<String, List<String>> ensure() {
        Map<String, List<String>> created = new TreeMap<>();
        for (CollectionIndexes collection : declared) {
            IndexOperations operations = mongo.indexOps(collection.collection());
            List<String> names = new ArrayList<>();
            for (DeclaredIndex index : collection.indexes()) {
                names.add(operations.createIndex(index.definition()));
            }
            created.put(collection.collection(), names);
        }
        log.info("MongoDB indexes ensured: {}", created);
        return created;
    }

    /** One declaration per collection: two classes declaring the same collection is a mistake worth a failed start. */
    static List<CollectionIndexes> merge(List<CollectionIndexes> declarations) {
        Map<String, List<CollectionIndexes>> byName = declarations.stream()
                .collect(Collectors.groupingBy(CollectionIndexes::collection));
        byName.forEach((name, list) -> {
            if (list.size() > 1) {
                throw new IllegalStateException("collection " + name + " is declared " + list.size()
                        + " times; declare its indexes once, next to the class that owns it");
            }
        });
        return byName.values().stream().map(list -> list.get(0))
                .sorted(Comparator.comparing(CollectionIndexes::collection)).toList();
    }

    /** Declarations by collection name, for lookups. */
    public static Map<String, CollectionIndexes> byCollection(Collection<CollectionIndexes> declarations) {
        return declarations.stream().collect(Collectors.toMap(CollectionIndexes::collection, Function.identity()));
    }
}
