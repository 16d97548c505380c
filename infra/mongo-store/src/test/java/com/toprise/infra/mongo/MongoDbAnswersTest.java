package com.toprise.infra.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store answers handshakes, collection commands and errors as MongoDB 7.0 does, seen through the Java driver. */
class MongoDbAnswersTest {

    @TempDir
    Path dir;

    private RunningStore store;
    private MongoDatabase admin;
    private MongoDatabase shop;

    @BeforeEach
    void start() {
        store = new RunningStore(dir);
        admin = store.client().getDatabase("admin");
        shop = store.client().getDatabase("shop");
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void presentsItselfAsMongoDb70WithAWireVersionEveryCurrentClientAccepts() {
        Document hello = admin.runCommand(new Document("hello", 1).append("helloOk", true));
        assertThat(hello.getInteger("maxWireVersion")).isEqualTo(21);
        assertThat(hello.getBoolean("helloOk")).isTrue();
        assertThat(hello).doesNotContainKeys("topologyVersion", "logicalSessionTimeoutMinutes");
        assertThat(store.client().getClusterDescription().getServerDescriptions().get(0).getMaxWireVersion())
                .isEqualTo(21);

        Document config = admin.runCommand(new Document("replSetGetConfig", 1)).get("config", Document.class);
        assertThat(config.getString("_id")).isEqualTo("rs0");
        assertThat(config.getList("members", Document.class)).singleElement()
                .satisfies(member -> assertThat(member.getString("host")).isEqualTo("127.0.0.1:" + store.port()));

        Document buildInfo = admin.runCommand(new Document("buildInfo", 1));
        assertThat(buildInfo.getString("version")).isEqualTo("7.0.0");
        assertThat(buildInfo.getList("versionArray", Integer.class)).containsExactly(7, 0, 0, 0);
        assertThat(admin.runCommand(new Document("getParameter", 1).append("featureCompatibilityVersion", 1))
                .get("featureCompatibilityVersion", Document.class)).containsEntry("version", "7.0");
    }

    @Test
    void refusesWhatItDoesNotKnowWithMongoDbsCodes() {
        assertError(() -> admin.runCommand(new Document("atlasVersion", 1)), 59, "CommandNotFound");
        assertError(() -> shop.runCommand(new Document("noSuchCommand", 1)), 59, "CommandNotFound");
        assertError(() -> admin.runCommand(new Document("getParameter", "foo")), 72, "InvalidOptions");
        assertError(() -> admin.runCommand(new Document("getLog", "nonsense")), 96, "OperationFailed");
        assertError(() -> shop.runCommand(new Document("create", "capped").append("capped", true).append("size", 1024)),
                238, "NotImplemented");
        assertError(() -> shop.createView("recent", "orders", List.of()), 238, "NotImplemented");
        assertError(() -> shop.runCommand(new Document("create", "readings")
                .append("timeseries", new Document("timeField", "at"))), 238, "NotImplemented");
    }

    @Test
    void listCollectionsHonoursItsFilter() {
        shop.createCollection("orders");
        shop.createCollection("carts");
        assertThat(shop.listCollectionNames().into(new ArrayList<>())).containsExactlyInAnyOrder("orders", "carts");
        assertThat(shop.listCollections().filter(new Document("name", "carts")).into(new ArrayList<>()))
                .extracting(c -> c.getString("name")).containsExactly("carts");
    }

    @Test
    void dropsAMissingCollectionAsMongoDb70DoesAndReportsMissingNamespacesWithCode26() {
        shop.getCollection("nothing").drop();
        assertThat(shop.runCommand(new Document("drop", "nothing")).get("ok")).isEqualTo(1.0);

        // the Java driver's listIndexes() swallows code 26 into an empty list, as it does on MongoDB
        assertThat(shop.getCollection("nothing").listIndexes().into(new ArrayList<>())).isEmpty();
        assertError(() -> shop.runCommand(new Document("listIndexes", "nothing")), 26, "NamespaceNotFound");
        assertError(() -> shop.runCommand(new Document("dropIndexes", "nothing").append("index", "sku_1")),
                26, "NamespaceNotFound");
        assertError(() -> admin.runCommand(new Document("renameCollection", "shop.nothing").append("to", "shop.else")),
                26, "NamespaceNotFound");

        shop.createCollection("orders");
        shop.createCollection("orders"); // identical options: a no-op since 7.0
        assertError(() -> shop.getCollection("orders").dropIndex("sku_1"), 27, "IndexNotFound");
    }

    @Test
    void aDuplicateKeyIsError11000() {
        shop.getCollection("products").createIndex(Indexes.ascending("sku"), new IndexOptions().unique(true));
        shop.getCollection("products").insertOne(new Document("sku", "BRK-1"));
        assertThatThrownBy(() -> shop.getCollection("products").insertOne(new Document("sku", "BRK-1")))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
    }

    @Test
    void adminIsADatabaseLikeAnyOther() {
        admin.getCollection("settings").insertOne(new Document("_id", "a"));
        assertThat(admin.getCollection("settings").countDocuments()).isEqualTo(1);
        assertThat(admin.getCollection("atlascli").countDocuments(new Document("managedClusterType", "x"))).isZero();
    }

    @Test
    void declaredIndexesUniqueNonUniqueAndCompoundAreListedAlsoAfterARestart() {
        var orders = shop.getCollection("orders");
        assertThat(orders.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("createdAt"))))
                .isEqualTo("customerId_1_createdAt_-1");
        orders.createIndex(Indexes.ascending("status"));
        orders.createIndex(Indexes.ascending("orderNumber"), new IndexOptions().unique(true).name("order_number"));
        Document created = shop.runCommand(new Document("createIndexes", "orders").append("indexes",
                List.of(new Document("key", new Document("status", 1)).append("name", "status_1"))));
        assertThat(created).containsEntry("numIndexesBefore", 4).containsEntry("numIndexesAfter", 4)
                .containsEntry("note", "all indexes already exist");

        store.restart();

        List<Document> indexes = store.client().getDatabase("shop").getCollection("orders").listIndexes()
                .into(new ArrayList<>());
        assertThat(indexes).extracting(index -> index.getString("name"))
                .containsExactly("_id_", "customerId_1_createdAt_-1", "order_number", "status_1");
        assertThat(indexes.get(1).get("key", Document.class)).isEqualTo(new Document("customerId", 1).append("createdAt", -1));
        assertThat(indexes.get(1)).doesNotContainKey("unique");
        assertThat(indexes.get(2)).containsEntry("unique", true).containsEntry("v", 2);
        assertThat(indexes.get(0).keySet()).containsExactly("v", "key", "name");
    }

    @Test
    void refusesTextIndexesAndTextQueriesInsteadOfAcceptingAnIndexItNeverBuilds() {
        var products = shop.getCollection("products");
        products.insertOne(new Document("name", "brake pad"));
        assertThatThrownBy(() -> products.createIndex(Indexes.text("name")))
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(238));
        assertThat(products.listIndexes().into(new ArrayList<>())).hasSize(1);
        assertError(() -> shop.runCommand(new Document("find", "products")
                .append("filter", new Document("$text", new Document("$search", "brake")))), 27, "IndexNotFound");
        assertError(() -> shop.runCommand(new Document("aggregate", "products").append("cursor", new Document())
                .append("pipeline", List.of(new Document("$match", new Document("$text", new Document("$search", "pad")))))),
                27, "IndexNotFound");
    }

    private static void assertError(Runnable command, int code, String codeName) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(MongoCommandException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(code);
            assertThat(e.getErrorCodeName()).isEqualTo(codeName);
        });
    }
}
