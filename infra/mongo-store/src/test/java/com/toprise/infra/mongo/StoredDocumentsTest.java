package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents in the store's MVStore maps are never changed in place: the background writer serializes them on
 * its own thread, and a document changed while it is written fails the write with a ConcurrentModificationException
 * that closes the whole store. An update stores a new document; a query's answer is a copy its caller may change.
 */
class StoredDocumentsTest {

    @TempDir
    Path dir;

    private ReplicaSetBackend backend;

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void anUpdateStoresANewDocumentAndLeavesTheStoredOneAsItWas() {
        backend = new ReplicaSetBackend(dir.resolve("store.mv").toString(), 1_000);
        MongoCollection<?> orders = backend.resolveDatabase("shop").createCollectionOrThrowIfExists("orders");
        orders.addDocument(new Document("_id", "o-1").append("status", "CREATED")
                .append("delivery", new Document("state", "BOOKING")).append("dealerIds", List.of("d-1")));
        MVMap<Object, Document> stored = StoreFormat.documents(backend.getMvStore(),
                StoreFormat.DATA_PREFIX + "shop.orders");
        Document beingWritten = stored.get("o-1");

        // conditional, as the services' optimistic writes are: found through the _id index
        orders.updateDocuments(new Document("_id", "o-1").append("status", "CREATED"),
                new Document("$set", new Document("status", "CONFIRMED").append("delivery.state", "BOOKED"))
                        .append("$addToSet", new Document("dealerIds", "d-2")),
                ArrayFilters.empty(), false, false, NoopOplog.get());
        // a whole-collection scan
        orders.updateDocuments(new Document("status", "CONFIRMED"),
                new Document("$set", new Document("note", "scanned")), ArrayFilters.empty(), true, false,
                NoopOplog.get());

        assertThat(beingWritten).isEqualTo(new Document("_id", "o-1").append("status", "CREATED")
                .append("delivery", new Document("state", "BOOKING")).append("dealerIds", List.of("d-1")));
        Document now = stored.get("o-1");
        assertThat(now.get("status")).isEqualTo("CONFIRMED");
        assertThat(now.get("note")).isEqualTo("scanned");
        assertThat(((Document) now.get("delivery")).get("state")).isEqualTo("BOOKED");
        assertThat(now.get("dealerIds")).isEqualTo(List.of("d-1", "d-2"));
    }

    @Test
    void aQueryAnswersCopiesThatMayBeChanged() {
        backend = new ReplicaSetBackend(dir.resolve("store.mv").toString(), 1_000);
        MongoCollection<?> orders = backend.resolveDatabase("shop").createCollectionOrThrowIfExists("orders");
        orders.addDocument(new Document("_id", "o-1").append("status", "CREATED"));

        for (Document found : orders.handleQuery(new Document("_id", "o-1").append("status", "CREATED"))) {
            found.put("status", "CHANGED BY A CALLER");
        }
        for (Document found : orders.handleQuery(new Document("status", "CREATED"))) {
            found.put("status", "CHANGED BY A CALLER");
        }

        assertThat(orders.handleQuery(new Document("_id", "o-1"))).containsExactly(
                new Document("_id", "o-1").append("status", "CREATED"));
    }
}
