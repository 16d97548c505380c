package com.toprise.infra.mongo;

import com.mongodb.ExplainVerbosity;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Explain names the plan the store really runs: the index it reads, or a scan of the whole collection. */
class ExplainTest {

    @TempDir
    Path dir;

    private RunningStore store;
    private MongoCollection<Document> products;

    @BeforeEach
    void start() {
        store = new RunningStore(dir);
        products = store.client().getDatabase("shop").getCollection("products");
        products.createIndex(Indexes.ascending("sku"), new IndexOptions().unique(true));
        products.createIndex(Indexes.ascending("category"));
        for (int i = 0; i < 10; i++) {
            products.insertOne(new Document("_id", "p" + i).append("sku", "SKU-" + i)
                    .append("category", i % 2 == 0 ? "brakes" : "filters").append("price", i));
        }
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void aQueryOnAUniqueIndexIsAnIndexScanOfThatIndex() {
        Document explain = products.find(Filters.eq("sku", "SKU-3")).explain(ExplainVerbosity.QUERY_PLANNER);
        Document planner = explain.get("queryPlanner", Document.class);
        assertThat(planner.getString("namespace")).isEqualTo("shop.products");
        assertThat(planner.get("parsedQuery")).isEqualTo(Document.parse("{sku: {$eq: 'SKU-3'}}"));
        Document winningPlan = planner.get("winningPlan", Document.class);
        assertThat(winningPlan.getString("stage")).isEqualTo("FETCH");
        Document scan = winningPlan.get("inputStage", Document.class);
        assertThat(scan.getString("stage")).isEqualTo("IXSCAN");
        assertThat(scan.getString("indexName")).isEqualTo("sku_1");
        assertThat(scan.get("keyPattern")).isEqualTo(new Document("sku", 1));
        assertThat(explain.getString("explainVersion")).isEqualTo("1");
        assertThat(explain.get("serverInfo", Document.class).getString("version")).isEqualTo("7.0.0");
    }

    @Test
    void anIdWithMoreConditionsReadsTheIdIndexAndFiltersTheRest() {
        Document winningPlan = winningPlan(products.find(Filters.and(Filters.eq("_id", "p2"), Filters.eq("price", 2)))
                .explain(ExplainVerbosity.QUERY_PLANNER));
        assertThat(winningPlan.get("inputStage", Document.class).getString("indexName")).isEqualTo("_id_");
        assertThat(winningPlan.get("filter")).isEqualTo(Document.parse("{price: {$eq: 2}}"));
    }

    @Test
    void aQueryOnASecondaryIndexIsACollectionScanBecauseTheStoreDoesNotReadThem() {
        Document explain = products.find(Filters.eq("category", "brakes")).sort(Sorts.descending("price")).limit(2)
                .explain(ExplainVerbosity.EXECUTION_STATS);
        Document limit = winningPlan(explain);
        assertThat(limit.getString("stage")).isEqualTo("LIMIT");
        Document sort = limit.get("inputStage", Document.class);
        assertThat(sort.getString("stage")).isEqualTo("SORT");
        assertThat(sort.get("sortPattern")).isEqualTo(new Document("price", -1));
        assertThat(sort.get("inputStage", Document.class).getString("stage")).isEqualTo("COLLSCAN");

        Document stats = explain.get("executionStats", Document.class);
        assertThat(stats.getInteger("nReturned")).isEqualTo(2);
        assertThat(stats.getInteger("totalDocsExamined")).isEqualTo(10);
        assertThat(stats.getInteger("totalKeysExamined")).isZero();
    }

    @Test
    void anAggregationStartsFromAScanOfTheWholeCollection() {
        Document explain = products.aggregate(List.of(Aggregates.match(Filters.eq("sku", "SKU-1")),
                Aggregates.count("n"))).explain(ExplainVerbosity.QUERY_PLANNER);
        List<Document> stages = explain.getList("stages", Document.class);
        Document cursor = stages.get(0).get("$cursor", Document.class);
        assertThat(cursor.get("queryPlanner", Document.class).get("winningPlan", Document.class).getString("stage"))
                .isEqualTo("COLLSCAN");
        assertThat(stages.subList(1, stages.size())).extracting(stage -> stage.keySet().iterator().next())
                .containsExactly("$match", "$count");
    }

    @Test
    void countAndDistinctAndAMissingCollection() {
        var shop = store.client().getDatabase("shop");
        Document count = shop.runCommand(new Document("explain", new Document("count", "products")
                .append("query", new Document("sku", "SKU-1"))).append("verbosity", "queryPlanner"));
        Document countPlan = count.get("queryPlanner", Document.class).get("winningPlan", Document.class);
        assertThat(countPlan.getString("stage")).isEqualTo("COUNT");
        assertThat(countPlan.get("inputStage", Document.class).get("inputStage", Document.class).getString("indexName"))
                .isEqualTo("sku_1");

        Document distinct = shop.runCommand(new Document("explain", new Document("distinct", "products")
                .append("key", "category")).append("verbosity", "queryPlanner"));
        assertThat(distinct.get("queryPlanner", Document.class).get("winningPlan", Document.class)
                .get("inputStage", Document.class).getString("stage")).isEqualTo("COLLSCAN");

        Document missing = shop.getCollection("nothing").find().explain(ExplainVerbosity.QUERY_PLANNER);
        assertThat(winningPlan(missing).getString("stage")).isEqualTo("EOF");
    }

    private static Document winningPlan(Document explain) {
        return explain.get("queryPlanner", Document.class).get("winningPlan", Document.class);
    }
}
