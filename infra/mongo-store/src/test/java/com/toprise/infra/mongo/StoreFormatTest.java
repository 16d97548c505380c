package com.toprise.infra.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A store file written before the BSON layout opens with every document, index and oplog entry intact. */
class StoreFormatTest {

    private static final long FIRST_ENTRY = (1_700_000_000L << 32) | 1;

    @TempDir
    Path dir;

    @Test
    void aFileOfTheJavaSerializedLayoutIsRewrittenOnceAndReadsAsBefore() {
        String file = dir.resolve("store.mv").toString();
        List<Document> written = new ArrayList<>();
        writeWithTheOldLayout(file, customers -> {
            customers.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                Document customer = new Document("_id", "c-" + i).append("email", "c" + i + "@example.com")
                        .append("since", new Date(1_700_000_000_000L + i)).append("visits", (long) i)
                        .append("credit", new Decimal128(new BigDecimal("12.50"))).append("score", i / 3.0)
                        .append("address", new Document("pincode", "5600" + (i % 10)).append("tags", List.of("a", i)))
                        .append("ref", new ObjectId());
                customers.insertOne(customer);
                written.add(customer);
            }
        });

        for (int restart = 0; restart < 2; restart++) { // the second open finds the new layout and rewrites nothing
            onNewStore(file, customers -> {
                assertThat(customers.find().sort(new Document("_id", 1)).into(new ArrayList<>()))
                        .containsExactlyInAnyOrderElementsOf(written);
                assertThat(customers.find(Filters.eq("email", "c42@example.com")).first()).isEqualTo(written.get(42));
                assertThat(customers.find(Filters.and(Filters.eq("_id", "c-7"), Filters.eq("visits", 7L))).first())
                        .isEqualTo(written.get(7));
                assertThatThrownBy(() -> customers.insertOne(new Document("_id", "dup").append("email", "c1@example.com")))
                        .isInstanceOfSatisfying(MongoWriteException.class,
                                e -> assertThat(e.getError().getCode()).isEqualTo(11000));
            });
        }
        onNewStore(file, customers -> {
            customers.updateOne(Filters.eq("_id", "c-1"), Updates.set("email", "new@example.com"));
            customers.insertOne(new Document("_id", "dup").append("email", "c1@example.com"));
            assertThat(customers.countDocuments()).isEqualTo(301);
        });
    }

    @Test
    void theOplogOfTheOldLayoutStillResumes() {
        String file = dir.resolve("store.mv").toString();
        writeWithTheOldLayout(file, customers -> customers.insertOne(new Document("_id", "c-1")));
        try (MVStore store = MVStore.open(file)) {
            MVMap<Long, Object> entries = store.openMap(StoreFormat.OPLOG_ENTRIES);
            entries.put(FIRST_ENTRY, new de.bwaldvogel.mongo.bson.Document("op", "i").append("ns", "shop.customers")
                    .append("wall", Instant.ofEpochSecond(1_700_000_000L))
                    .append("key", new de.bwaldvogel.mongo.bson.Document("_id", "c-1"))
                    .append("doc", new de.bwaldvogel.mongo.bson.Document("_id", "c-1")));
        }

        onNewStore(file, customers -> {
            try (var stream = customers.watch().startAtOperationTime(new BsonTimestamp(FIRST_ENTRY))
                    .maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
                ChangeStreamDocument<Document> event = stream.tryNext();
                assertThat(event).isNotNull();
                assertThat(event.getOperationTypeString()).isEqualTo("insert");
                assertThat(event.getFullDocument()).isEqualTo(new Document("_id", "c-1"));
            }
        });
    }

    /** Writes as mongo-java-server's own H2 backend does, which is what the store did before. */
    private static void writeWithTheOldLayout(String file, Consumer<MongoCollection<Document>> writes) {
        MongoServer server = new MongoServer(new H2Backend(file));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            writes.accept(client.getDatabase("shop").getCollection("customers"));
        } finally {
            server.shutdown();
        }
    }

    private static void onNewStore(String file, Consumer<MongoCollection<Document>> reads) {
        ReplicaSetMongoServer server = new ReplicaSetMongoServer(new ReplicaSetBackend(file, 1_000));
        int port = server.bind("127.0.0.1", 0).getPort();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port + "/?replicaSet=rs0"))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build())) {
            reads.accept(client.getDatabase("shop").getCollection("customers"));
        } finally {
            server.close();
        }
    }
}
