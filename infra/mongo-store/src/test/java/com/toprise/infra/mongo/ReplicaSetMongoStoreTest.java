package com.toprise.infra.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.connection.ClusterType;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store as the real MongoDB Java driver sees it: a replica set whose change streams look like MongoDB's. */
class ReplicaSetMongoStoreTest {

    @TempDir
    Path dir;

    private ReplicaSetMongoServer server;
    private MongoClient client;
    private int port;

    @BeforeEach
    void start() {
        startStore(1_000);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aQueryOnOneIdWithMoreConditionsMatchesExactlyAsMongoDbDoesAndSurvivesARestart() {
        MongoCollection<Document> orders = client.getDatabase("orders").getCollection("orders");
        for (int i = 0; i < 50; i++) {
            orders.insertOne(new Document("_id", "o-" + i).append("status", "CREATED").append("version", 1));
        }
        // a conditional update, as a state transition or an optimistic version makes it
        assertThat(orders.updateOne(Filters.and(Filters.eq("_id", "o-7"), Filters.eq("status", "CREATED")),
                Updates.set("status", "CONFIRMED")).getModifiedCount()).isEqualTo(1);
        assertThat(orders.updateOne(Filters.and(Filters.eq("_id", "o-7"), Filters.eq("status", "CREATED")),
                Updates.set("status", "REJECTED")).getModifiedCount()).isZero();
        assertThat(orders.find(Filters.and(Filters.eq("_id", "o-7"), Filters.eq("status", "CONFIRMED"))).first())
                .isNotNull();
        assertThat(orders.find(new Document("_id", "o-7").append("status", "CONFIRMED")).first()).isNotNull();
        assertThat(orders.find(new Document("_id", "o-8").append("status", "CONFIRMED")).first()).isNull();
        assertThat(orders.find(Filters.and(Filters.eq("_id", "o-8"), Filters.eq("status", "CONFIRMED"))).first())
                .isNull();
        assertThat(orders.find(Filters.and(Filters.eq("_id", "no-such"), Filters.eq("status", "CREATED"))).first())
                .isNull();
        assertThat(orders.find(Filters.and(Filters.in("_id", "o-1", "o-2"), Filters.eq("version", 1)))
                .into(new ArrayList<>())).hasSize(2);
        assertThat(orders.find(Filters.and(Filters.eq("_id", "o-7"), Filters.or(Filters.lt("version", 2),
                Filters.exists("version", false)))).first()).isNotNull();

        client.close();
        server.close();
        startStore(1_000);
        MongoCollection<Document> reopened = client.getDatabase("orders").getCollection("orders");
        assertThat(reopened.countDocuments()).isEqualTo(50);
        assertThat(reopened.find(Filters.and(Filters.eq("_id", "o-7"), Filters.eq("status", "CONFIRMED"))).first())
                .isNotNull();
    }

    @Test
    void presentsItselfAsAReplicaSetPrimaryWithOperationTime() {
        Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
        assertThat(hello.getString("setName")).isEqualTo("rs0");
        assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
        assertThat(hello.get("operationTime")).isInstanceOf(BsonTimestamp.class);
        assertThat(client.getClusterDescription().getType()).isEqualTo(ClusterType.REPLICA_SET);
        List<String> databases = client.listDatabaseNames().into(new ArrayList<>());
        assertThat(databases).contains("admin", "config", "local");
    }

    @Test
    void collectionStreamHasMongoShapedInsertUpdateReplaceAndDeleteEvents() {
        MongoCollection<Document> products = client.getDatabase("products").getCollection("products");
        try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> stream = products.watch()
                .fullDocument(FullDocument.UPDATE_LOOKUP).maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            products.insertOne(new Document("_id", "p1").append("name", "Brake pad").append("price", 10));
            products.updateOne(Filters.eq("_id", "p1"), Updates.combine(Updates.set("price", 12), Updates.unset("name")));
            products.replaceOne(Filters.eq("_id", "p1"), new Document("name", "Brake disc").append("price", 30));
            products.deleteOne(Filters.eq("_id", "p1"));

            List<ChangeStreamDocument<Document>> events = next(stream, 4);
            assertThat(events).extracting(e -> e.getOperationTypeString())
                    .containsExactly("insert", "update", "replace", "delete");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.getNamespace().getFullName()).isEqualTo("products.products");
                assertThat(e.getDocumentKey()).isEqualTo(BsonDocument.parse("{_id: 'p1'}"));
                assertThat(e.getClusterTime()).isNotNull();
                assertThat(e.getResumeToken().getString("_data").getValue()).startsWith("82");
            });
            assertThat(events.get(0).getFullDocument()).containsEntry("name", "Brake pad");
            assertThat(events.get(1).getUpdateDescription().getUpdatedFields())
                    .isEqualTo(BsonDocument.parse("{price: 12}"));
            assertThat(events.get(1).getUpdateDescription().getRemovedFields()).containsExactly("name");
            assertThat(events.get(1).getFullDocument()).isEqualTo(new Document("_id", "p1").append("price", 12));
            assertThat(events.get(2).getFullDocument()).containsEntry("name", "Brake disc");
            assertThat(events.get(3).getFullDocument()).isNull();
            assertThat(events.get(0).getClusterTime()).isLessThan(events.get(3).getClusterTime());
        }
    }

    @Test
    void findAndModifyChangesAreStreamedToo() {
        MongoCollection<Document> counters = client.getDatabase("orders").getCollection("counters");
        try (var stream = counters.watch().maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            counters.findOneAndUpdate(Filters.eq("_id", "order-no"), Updates.inc("value", 1),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            counters.findOneAndUpdate(Filters.eq("_id", "order-no"), Updates.inc("value", 1));
            counters.findOneAndDelete(Filters.eq("_id", "order-no"));

            List<ChangeStreamDocument<Document>> events = next(stream, 3);
            assertThat(events).extracting(ChangeStreamDocument::getOperationTypeString)
                    .containsExactly("insert", "update", "delete");
            assertThat(events.get(1).getUpdateDescription().getUpdatedFields())
                    .isEqualTo(BsonDocument.parse("{value: 2}"));
        }
    }

    @Test
    void databaseAndDeploymentStreamsSeeEveryCollectionOfTheirScope() {
        try (var database = client.getDatabase("users").watch().maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor();
             var deployment = client.watch().maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            client.getDatabase("users").getCollection("users").insertOne(new Document("_id", 1));
            client.getDatabase("orders").getCollection("orders").insertOne(new Document("_id", 2));
            client.getDatabase("users").getCollection("addresses").insertOne(new Document("_id", 3));

            assertThat(next(database, 2)).extracting(e -> e.getNamespace().getFullName())
                    .containsExactly("users.users", "users.addresses");
            assertThat(next(deployment, 3)).extracting(e -> e.getNamespace().getFullName())
                    .containsExactly("users.users", "orders.orders", "users.addresses");
        }
    }

    @Test
    void aPipelineLikeDebeziumsRegexFilterWorksOnUpdates() {
        MongoCollection<Document> users = client.getDatabase("users").getCollection("users");
        List<BsonDocument> pipeline = List.of(
                BsonDocument.parse("{$replaceRoot: {newRoot: {namespace: {$concat: ['$ns.db', '.', '$ns.coll']}, event: '$$ROOT'}}}"),
                BsonDocument.parse("{$match: {$and: [{namespace: {$regex: 'users\\\\.users', $options: 'i'}},"
                        + " {'event.operationType': {$in: ['insert', 'update', 'replace', 'delete']}}]}}"),
                BsonDocument.parse("{$replaceRoot: {newRoot: '$event'}}"));
        try (var stream = client.getDatabase("users").watch(pipeline).fullDocument(FullDocument.UPDATE_LOOKUP)
                .maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            users.insertOne(new Document("_id", "u1").append("email", "a@example.com"));
            users.updateOne(Filters.eq("_id", "u1"), Updates.set("email", "b@example.com"));
            client.getDatabase("users").getCollection("other").insertOne(new Document("_id", "x"));
            List<ChangeStreamDocument<Document>> events = next(stream, 2);
            assertThat(events.get(1).getFullDocument()).containsEntry("email", "b@example.com");
        }
    }

    @Test
    void debeziumsLiteralFilterKeepsDollarPrefixedValuesIntact() {
        MongoCollection<Document> users = client.getDatabase("users").getCollection("users");
        List<BsonDocument> pipeline = List.of(BsonDocument.parse("{$match: {$and: [{'ns.db': {$in: ['users']}},"
                + " {operationType: {$in: ['insert', 'update', 'replace', 'delete']}}]}}"));
        String bcrypt = "$2a$12$abcdefghijklmnopqrstuuJ6p0f8GQ9Xh0cF2bKZ0nE2e7pB5dQ1e";
        try (var stream = client.getDatabase("users").watch(pipeline).fullDocument(FullDocument.UPDATE_LOOKUP)
                .maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            users.insertOne(new Document("_id", "u2").append("passwordHash", bcrypt));
            users.updateOne(Filters.eq("_id", "u2"), Updates.set("note", "$literal text"));
            List<ChangeStreamDocument<Document>> events = next(stream, 2);
            assertThat(events.get(0).getFullDocument()).containsEntry("passwordHash", bcrypt);
            assertThat(events.get(1).getUpdateDescription().getUpdatedFields().getString("note").getValue())
                    .isEqualTo("$literal text");
        }
    }

    @Test
    void resumesAfterATokenAndAtAnOperationTimeAcrossARestart() {
        MongoCollection<Document> orders = client.getDatabase("orders").getCollection("orders");
        BsonDocument token;
        BsonTimestamp secondTime;
        try (var stream = orders.watch().maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            orders.insertOne(new Document("_id", 1));
            orders.insertOne(new Document("_id", 2));
            orders.insertOne(new Document("_id", 3));
            List<ChangeStreamDocument<Document>> events = next(stream, 3);
            token = events.get(0).getResumeToken();
            secondTime = events.get(1).getClusterTime();
        }
        client.close();
        server.close();
        startStore(1_000);
        orders = client.getDatabase("orders").getCollection("orders");
        orders.insertOne(new Document("_id", 4));

        try (var resumed = orders.watch().resumeAfter(token).maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            assertThat(next(resumed, 3)).extracting(e -> e.getDocumentKey().getInt32("_id").getValue())
                    .containsExactly(2, 3, 4);
        }
        try (var atTime = orders.watch().startAtOperationTime(secondTime).maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            assertThat(next(atTime, 3)).extracting(e -> e.getDocumentKey().getInt32("_id").getValue())
                    .containsExactly(2, 3, 4);
        }
    }

    @Test
    void theOplogIsCappedAndResumingBeforeItsStartFailsLikeMongoDb() {
        client.close();
        server.close();
        startStore(100);
        MongoCollection<Document> items = client.getDatabase("products").getCollection("items");
        BsonDocument firstToken;
        try (var stream = items.watch().maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            items.insertOne(new Document("_id", 0));
            firstToken = next(stream, 1).get(0).getResumeToken();
        }
        for (int i = 1; i <= 300; i++) {
            items.insertOne(new Document("_id", i));
        }
        ChangeStreamIterable<Document> tooOld = items.watch().resumeAfter(firstToken);
        assertThatThrownBy(() -> tooOld.cursor().tryNext())
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(286));
    }

    @Test
    void anIdleGetMoreWaitsForNewEntriesInsteadOfSpinning() {
        MongoCollection<Document> items = client.getDatabase("products").getCollection("items");
        try (var stream = items.watch().maxAwaitTime(300, TimeUnit.MILLISECONDS).cursor()) {
            long started = System.nanoTime();
            assertThat(stream.tryNext()).isNull();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(250);

            Thread writer = new Thread(() -> {
                sleep(100);
                items.insertOne(new Document("_id", "late"));
            });
            writer.start();
            started = System.nanoTime();
            ChangeStreamDocument<Document> event = stream.tryNext();
            assertThat(event).isNotNull();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(300);
        }
    }

    private void startStore(long maxOplogEntries) {
        server = new ReplicaSetMongoServer(new ReplicaSetBackend(dir.resolve("store.mv").toString(), maxOplogEntries));
        port = server.bind("127.0.0.1", port).getPort();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port + "/?replicaSet=rs0"))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    private static <T> List<ChangeStreamDocument<T>> next(MongoChangeStreamCursor<ChangeStreamDocument<T>> cursor,
                                                          int count) {
        List<ChangeStreamDocument<T>> events = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.size() < count && System.nanoTime() < deadline) {
            ChangeStreamDocument<T> event = cursor.tryNext();
            if (event != null) {
                events.add(event);
            }
        }
        assertThat(events).hasSize(count);
        assertThat(cursor.tryNext()).as("no more events than expected").isNull();
        return events;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
