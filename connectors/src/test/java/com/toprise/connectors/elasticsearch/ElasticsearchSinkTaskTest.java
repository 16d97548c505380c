package com.toprise.connectors.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The task end to end against a server speaking the _bulk protocol, failures scripted per request and item. */
class ElasticsearchSinkTaskTest {

    private static final TopicPartition PARTITION = new TopicPartition("products", 0);

    private BulkProtocolServer server;
    private final List<String> sleeps = new ArrayList<>();
    private final List<SinkRecord> reported = new ArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ElasticsearchSinkTask task(String url, Map<String, String> extra, boolean withReporter) {
        Map<String, String> props = new HashMap<>();
        props.put("elasticsearch.urls", url);
        props.put("batch.size", "10");
        props.put("flush.interval.ms", "60000");
        props.putAll(extra);
        ElasticsearchSinkConnectorConfig config = new ElasticsearchSinkConnectorConfig(props);
        ElasticsearchSinkTask task = new ElasticsearchSinkTask();
        task.initialize(new RecordingContext(withReporter ? (record, error) -> {
            reported.add(record);
            return CompletableFuture.completedFuture(null);
        } : null));
        ElasticsearchClient client = ElasticsearchClients.create(config);
        task.start(config, client, millis -> sleeps.add(Long.toString(millis)));
        return task;
    }

    private static SinkRecord record(String id, long offset) {
        return new SinkRecord("products", 0, null, id, null, Map.of("name", "Part " + id), offset);
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(long next) {
        return Map.of(PARTITION, new OffsetAndMetadata(next));
    }

    @Test
    void buffersUntilTheBatchIsFullOrConnectCommits() throws Exception {
        server = new BulkProtocolServer(0);
        ElasticsearchSinkTask task = task(server.url(), Map.of(), true);
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            records.add(record("p-" + i, i));
        }
        task.put(records);
        assertThat(server.requests()).hasSize(1).first().asList().hasSize(10);

        assertThat(task.preCommit(offsets(13))).isEqualTo(offsets(13));
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1)).extracting(BulkProtocolServer.Action::id).containsExactly("p-10", "p-11", "p-12");
        assertThat(server.requests().get(0).get(0).source().path("name").asString()).isEqualTo("Part p-0");
        task.stop();
    }

    @Test
    void retriesOnlyTheItemsThatFailedTransiently() throws Exception {
        server = new BulkProtocolServer(0);
        server.then(BulkProtocolServer.items(a -> switch (a.id()) {
            case "p-1" -> Map.entry(429, "es_rejected_execution_exception");
            case "p-2" -> Map.entry(503, "unavailable_shards_exception");
            default -> Map.entry(201, "");
        }));
        ElasticsearchSinkTask task = task(server.url(), Map.of(), true);
        task.put(List.of(record("p-0", 0), record("p-1", 1), record("p-2", 2), record("p-3", 3)));
        task.preCommit(offsets(4));

        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1)).extracting(BulkProtocolServer.Action::id).containsExactly("p-1", "p-2");
        assertThat(sleeps).hasSize(1);
        assertThat(reported).isEmpty();
        task.stop();
    }

    @Test
    void rejectedDocumentsAreReportedAndTheRestIsWritten() throws Exception {
        server = new BulkProtocolServer(0);
        server.then(BulkProtocolServer.items(a -> a.id().equals("bad")
                ? Map.entry(400, "document_parsing_exception") : Map.entry(201, "")));
        ElasticsearchSinkTask task = task(server.url(), Map.of(), true);
        task.put(List.of(record("ok-1", 0), record("bad", 1), record("ok-2", 2)));
        task.preCommit(offsets(3));

        assertThat(reported).extracting(SinkRecord::key).containsExactly("bad");
        assertThat(server.requests()).hasSize(1);
        task.stop();
    }

    @Test
    void withoutAReporterARejectedDocumentFailsTheTaskOrIsSkippedAsConfigured() throws Exception {
        server = new BulkProtocolServer(0);
        server.then(BulkProtocolServer.items(a -> Map.entry(400, "document_parsing_exception")));
        ElasticsearchSinkTask failing = task(server.url(), Map.of(), false);
        failing.put(List.of(record("bad", 0)));
        assertThatThrownBy(() -> failing.preCommit(offsets(1)))
                .isInstanceOf(ConnectException.class).hasMessageContaining("behavior.on.error=fail")
                .hasMessageContaining("document_parsing_exception");

        server.then(BulkProtocolServer.items(a -> Map.entry(400, "document_parsing_exception")));
        ElasticsearchSinkTask logging = task(server.url(), Map.of("behavior.on.error", "log"), false);
        logging.put(List.of(record("bad", 0)));
        assertThat(logging.preCommit(offsets(1))).isEqualTo(offsets(1));
    }

    @Test
    void aDeleteOfAMissingDocumentIsASuccess() throws Exception {
        server = new BulkProtocolServer(0);
        server.then(BulkProtocolServer.items(a -> Map.entry(404, "")));
        ElasticsearchSinkTask task = task(server.url(), Map.of(), true);
        task.put(List.of(new SinkRecord("products", 0, null, "gone", null, null, 0)));
        task.preCommit(offsets(1));
        assertThat(server.requests().get(0).get(0).type()).isEqualTo("delete");
        assertThat(reported).isEmpty();
    }

    @Test
    void survivesAServerThatIsDownAndThenAnswers503() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AtomicInteger waits = new AtomicInteger();
        Map<String, String> props = new HashMap<>();
        props.put("elasticsearch.urls", "http://127.0.0.1:" + port);
        ElasticsearchSinkConnectorConfig config = new ElasticsearchSinkConnectorConfig(props);
        ElasticsearchSinkTask task = new ElasticsearchSinkTask();
        task.initialize(new RecordingContext(null));
        int finalPort = port;
        task.start(config, ElasticsearchClients.create(config), millis -> {
            if (waits.incrementAndGet() == 3) { // Elasticsearch comes up, still busy for a request
                try {
                    server = new BulkProtocolServer(finalPort);
                    server.then(BulkProtocolServer.status(503));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        task.put(List.of(record("p-0", 0)));
        assertThat(task.preCommit(offsets(1))).isEqualTo(offsets(1));
        assertThat(waits.get()).isEqualTo(4);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void givesUpAfterMaxRetriesSoNothingIsSkippedSilently() throws Exception {
        server = new BulkProtocolServer(0);
        for (int i = 0; i < 5; i++) {
            server.then(BulkProtocolServer.status(503));
        }
        ElasticsearchSinkTask task = task(server.url(), Map.of("max.retries", "2"), true);
        task.put(List.of(record("p-0", 0)));
        assertThatThrownBy(() -> task.preCommit(offsets(1))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("giving up on 1 writes after 2 retries");
        assertThat(server.requests()).hasSize(3);
    }

    /** Connect's task context, with the errant record reporter the worker gives when a DLQ is configured. */
    private record RecordingContext(ErrantRecordReporter reporter) implements SinkTaskContext {
        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
        }

        @Override
        public void offset(TopicPartition tp, long offset) {
        }

        @Override
        public void timeout(long timeoutMs) {
        }

        @Override
        public Set<TopicPartition> assignment() {
            return Set.of(PARTITION);
        }

        @Override
        public void pause(TopicPartition... partitions) {
        }

        @Override
        public void resume(TopicPartition... partitions) {
        }

        @Override
        public void requestCommit() {
        }

        @Override
        public ErrantRecordReporter errantRecordReporter() {
            return reporter;
        }

        @Override
        public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
            return null;
        }
    }
}
