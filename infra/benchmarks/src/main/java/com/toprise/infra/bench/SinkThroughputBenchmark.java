package com.toprise.infra.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.toprise.infra.components.KafkaBroker;
import com.toprise.infra.provisioning.ConnectRestClient;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.platform.PlatformComponent;
import com.toprise.infra.platform.PlatformSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Our Elasticsearch sink against raw elasticsearch-java bulk indexing of the same documents, on the same node, in
 * the same run. Raw: bulk requests of {@code batch} documents, one at a time. Sink: the documents are first put on a
 * topic, then the sink is deployed and timed until the index holds them all. Options: documents (200000),
 * batch (500).
 */
final class SinkThroughputBenchmark implements Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "sink-throughput";
    }

    @Override
    public String description() {
        return "Elasticsearch sink connector vs raw elasticsearch-java bulk, same documents, same node";
    }

    @Override
    public Map<String, Object> run(PlatformSettings base, Map<String, String> options) throws Exception {
        int documents = Integer.parseInt(options.getOrDefault("documents", "200000"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "500"));
        return FreshPlatform.measure(base, false, platform -> compare(platform, documents, batch));
    }

    private static Map<String, Object> compare(EmbeddedPlatform platform, int documents, int batch) throws Exception {
        List<Map<String, Object>> docs = documents(documents);
        Map<String, Object> result = new LinkedHashMap<>();
        // a first pass warms Elasticsearch and the client's JIT, so that raw is not measured cold
        raw(platform, docs.subList(0, Math.min(docs.size(), 40_000)), batch, "bench-warmup");
        Map<String, Object> raw = raw(platform, docs, batch, "bench-raw");
        Map<String, Object> sink = sink(platform, docs, batch);
        result.put("documents", documents);
        result.put("batchSize", batch);
        result.put("raw", raw);
        result.put("sink", sink);
        result.put("ratio", Math.round((double) sink.get("docsPerSecond") / (double) raw.get("docsPerSecond") * 1000) / 1000.0);
        result.put("connectRssMiB", platform.components().stream().filter(c -> c.name().equals("connect"))
                .mapToLong(PlatformComponent::rssBytes).sum() / 1048576);
        result.put("targets", Map.of("ratio", 0.6));
        return result;
    }

    private static List<Map<String, Object>> documents(int count) {
        List<Map<String, Object>> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", "p-" + i);
            doc.put("sku", "SKU-" + i);
            doc.put("name", "Brake pad set, ceramic, front axle, model " + (i % 977));
            doc.put("description", "Low-dust ceramic pads for hatchbacks and sedans; fits " + (i % 53) + " models.");
            doc.put("brand", "BRAND-" + (i % 40));
            doc.put("category", "Brakes");
            doc.put("subCategory", "Pads");
            doc.put("type", i % 2 == 0 ? "Front" : "Rear");
            doc.put("status", "LIVE");
            doc.put("price", 100 + (i % 9000) / 100.0);
            doc.put("dealerIds", List.of("d-" + (i % 17), "d-" + (i % 23)));
            doc.put("updatedAt", "2026-11-25T00:00:00Z");
            docs.add(doc);
        }
        return docs;
    }

    private static Map<String, Object> raw(EmbeddedPlatform platform, List<Map<String, Object>> docs, int batch,
                                           String index) throws Exception {
        List<Double> requestMs = new ArrayList<>();
        long start;
        long elapsed;
        try (ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(platform.elasticsearchUrl()))) {
            start = System.nanoTime();
            for (int from = 0; from < docs.size(); from += batch) {
                List<BulkOperation> operations = docs.subList(from, Math.min(docs.size(), from + batch)).stream()
                        .map(doc -> BulkOperation.of(o -> o.index(i -> i.index(index).id((String) doc.get("id")).document(doc))))
                        .toList();
                long sent = System.nanoTime();
                BulkResponse response = client.bulk(b -> b.operations(operations));
                requestMs.add((System.nanoTime() - sent) / 1e6);
                if (response.errors()) {
                    throw new IllegalStateException("raw bulk failed: " + response.items().get(0).error());
                }
            }
            elapsed = System.nanoTime() - start;
        }
        awaitCount(platform, index, docs.size(), 60, java.util.Optional::empty);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("seconds", elapsed / 1e9);
        result.put("docsPerSecond", docs.size() / (elapsed / 1e9));
        result.put("bulkRequestMs", Stats.summary(requestMs));
        return result;
    }

    private static Map<String, Object> sink(EmbeddedPlatform platform, List<Map<String, Object>> docs, int batch)
            throws Exception {
        String topic = "bench.sink";
        String index = "bench-sink";
        try (Admin admin = KafkaBroker.admin(platform.kafkaBootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new StringSerializer(), new StringSerializer())) {
            for (Map<String, Object> doc : docs) {
                producer.send(new ProducerRecord<>(topic, (String) doc.get("id"), JSON.writeValueAsString(doc)));
            }
        }
        ConnectRestClient connect = new ConnectRestClient(platform.connectUrl());
        long start = System.nanoTime();
        connect.putConfig("bench-elasticsearch-sink", Map.of(
                "connector.class", "com.toprise.connectors.elasticsearch.ElasticsearchSinkConnector",
                "tasks.max", "1",
                "topics", topic,
                "elasticsearch.urls", platform.elasticsearchUrl(),
                "index.mapping", topic + ":" + index,
                "document.format", "plain",
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "batch.size", Integer.toString(batch),
                "consumer.override.max.poll.records", Integer.toString(batch)));
        awaitCount(platform, index, docs.size(), 600, () -> connect.failureTrace("bench-elasticsearch-sink"));
        long elapsed = System.nanoTime() - start;
        connect.delete("bench-elasticsearch-sink");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("seconds", elapsed / 1e9);
        result.put("docsPerSecond", docs.size() / (elapsed / 1e9));
        result.put("note", "timed from deploying the connector to the index holding every document (polled every 250 ms)");
        return result;
    }

    private static void awaitCount(EmbeddedPlatform platform, String index, long expected, int timeoutSeconds,
                                   java.util.function.Supplier<java.util.Optional<String>> failure) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(platform.elasticsearchUrl() + "/" + index + "/_count")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && JSON.readTree(response.body()).path("count").asLong() >= expected) {
                return;
            }
            failure.get().ifPresent(trace -> {
                throw new IllegalStateException("the sink failed: " + trace.lines().findFirst().orElse(trace));
            });
            Thread.sleep(250);
        }
        throw new IllegalStateException(index + " did not reach " + expected + " documents in " + timeoutSeconds + " s");
    }
}
