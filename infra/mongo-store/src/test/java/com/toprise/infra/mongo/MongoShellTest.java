package com.toprise.infra.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The official MongoDB shell against the store: connects, finds, aggregates, explains, lists indexes and watches.
 * Skipped when no mongosh is found: {@code TOPRISE_MONGOSH} (the executable), {@code mongosh} on the PATH, or the
 * install the store's docs describe, {@code npm install --prefix ~/.cache/toprise/mongosh mongosh@2}.
 */
class MongoShellTest {

    private static final String MONGOSH_ENV = "TOPRISE_MONGOSH";
    private static final Path DOCUMENTED_INSTALL = Path.of(System.getProperty("user.home"),
            ".cache", "toprise", "mongosh", "node_modules", ".bin", "mongosh");

    @TempDir
    Path dir;

    private RunningStore store;

    @BeforeEach
    void start() {
        store = new RunningStore(dir);
        MongoCollection<Document> products = store.client().getDatabase("shop").getCollection("products");
        products.createIndex(Indexes.ascending("sku"), new IndexOptions().unique(true));
        products.createIndex(Indexes.compoundIndex(Indexes.ascending("category"), Indexes.descending("price")));
        products.insertMany(List.of(
                new Document("_id", "p1").append("sku", "SKU-1").append("category", "brakes").append("price", 10),
                new Document("_id", "p2").append("sku", "SKU-2").append("category", "brakes").append("price", 30),
                new Document("_id", "p3").append("sku", "SKU-3").append("category", "filters").append("price", 5)));
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void mongoshConnectsFindsAggregatesExplainsListsIndexesAndWatches() throws Exception {
        Optional<Path> mongosh = mongosh();
        assumeTrue(mongosh.isPresent(), "no mongosh: set " + MONGOSH_ENV + " or install it (docs/mongo-store.md)");

        Map<String, String> answers = run(mongosh.get(), script());

        assertThat(answers.get("find")).isEqualTo("[{\"_id\":\"p1\"},{\"_id\":\"p2\"}]");
        assertThat(answers.get("aggregate")).isEqualTo("[{\"_id\":\"brakes\",\"n\":2},{\"_id\":\"filters\",\"n\":1}]");
        Document explainFind = Document.parse(answers.get("explainFind"));
        assertThat(explainFind.get("inputStage", Document.class).getString("indexName")).isEqualTo("sku_1");
        assertThat(answers.get("explainAggregate")).contains("COLLSCAN");
        assertThat(answers.get("indexes")).isEqualTo("[{\"v\":2,\"key\":{\"_id\":1},\"name\":\"_id_\"},"
                + "{\"v\":2,\"key\":{\"category\":1,\"price\":-1},\"name\":\"category_1_price_-1\"},"
                + "{\"v\":2,\"key\":{\"sku\":1},\"name\":\"sku_1\",\"unique\":true}]");
        assertThat(answers.get("dropMissing")).isEqualTo("true");
        assertThat(answers.get("watch")).isEqualTo(
                "{\"operationType\":\"update\",\"documentKey\":{\"_id\":\"p1\"},\"updatedFields\":{\"price\":99}}");
    }

    private Map<String, String> run(Path mongosh, Path script) throws IOException, InterruptedException {
        Path output = dir.resolve("mongosh.out");
        Process process = new ProcessBuilder(mongosh.toString(), store.uri().replace("/?", "/shop?"),
                "--quiet", "--norc", "--file", script.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = process.waitFor(90, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished && process.exitValue() == 0).as("mongosh finished without error:%n%s", printed).isTrue();
        Map<String, String> answers = new HashMap<>();
        printed.lines().filter(line -> line.contains("=")).forEach(line -> {
            int separator = line.indexOf('=');
            answers.put(line.substring(0, separator), line.substring(separator + 1));
        });
        return answers;
    }

    private static Path script() throws URISyntaxException {
        return Path.of(MongoShellTest.class.getResource("/mongosh/shell-tour.js").toURI());
    }

    private static Optional<Path> mongosh() {
        String configured = System.getenv(MONGOSH_ENV);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(entry -> Path.of(entry, "mongosh"));
        return Stream.concat(onPath, Stream.of(DOCUMENTED_INSTALL)).filter(Files::isExecutable).findFirst();
    }
}
