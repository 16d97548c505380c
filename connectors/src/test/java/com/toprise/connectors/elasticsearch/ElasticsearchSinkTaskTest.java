package com.toprise.connectors.elasticsearch;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The task end to end against a server speaking the _bulk protocol, failures scripted per request and item.
 * Waits between retries are recorded instead of slept, and time is a clock the test moves.
 */
class ElasticsearchSinkTaskTest {

    private static final TopicPartition PARTITION = new TopicPartition("products", 0);

    private BulkProtocolServer server;
    private final List<Long> sleeps = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<SinkRecord> reported = new ArrayList<>();
    private final List<String> reportedErrors = new ArrayList<>();
    private RecordingContext context;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private ElasticsearchSinkTask task(String url, Map<String, String> settings, boolean withReporter) {
        Map<String, String> props = new HashMap<>();
        props.put("elasticsearch.urls", url);
        props.put("batch.size", "10");
        props.put("flush.interval.ms", "1000");
        props.putAll(settings);
        ElasticsearchSinkConnectorConfig config = new ElasticsearchSinkConnectorConfig(props);
        ElasticsearchSinkTask task = new ElasticsearchSinkTask();
        context = new RecordingContext(withReporter ? (record, error) -> {
            reported.add(record);
            reportedErrors.add(error.getMessage());
            return CompletableFuture.completedFuture(null);
        } : null);
        task.initialize(context);
        task.start(config, ElasticsearchClients.create(config), sleeps::add, now::get);
        return task;
    }

    private ElasticsearchSinkTask task(Map<String, String> settings) throws IOException {
        server = new BulkProtocolServer(0);
        return task(server.url(), settings, true);
    }

    private static SinkRecord record(String id, long offset) {
        return new SinkRecord("products", 0, null, id, null, Map.of("name", "Part " + id), offset);
    }

    private static List<SinkRecord> records(int count) {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(record("p-" + i, i));
        }
        return records;
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(long next) {
        return Map.of(PARTITION, new OffsetAndMetadata(next));
    }

    @Test
    void aFullBatchIsSentAtOnceAndTheRestBeforeOffsetsAreCommitted() throws Exception {
        ElasticsearchSinkTask task = task(Map.of());
        task.put(records(13));
        assertThat(server.requests()).hasSize(1);
        assertThat(server.ids(0)).hasSize(10).startsWith("p-0");
        assertThat(server.requests().get(0).get(0).source().path("name").asString()).isEqualTo("Part p-0");

        assertThat(task.preCommit(offsets(13))).isEqualTo(offsets(13));
        assertThat(server.ids(1)).containsExactly("p-10", "p-11", "p-12");
        task.stop();
    }

    @Test
    void aBatchThatIsNotFullIsSentOnceTheFlushIntervalHasPassed() throws Exception {
        ElasticsearchSinkTask task = task(Map.of());
        task.put(records(3));
        assertThat(server.requests()).isEmpty();
        assertThat(context.timeout).as("Connect is asked to call put again when the batch is due").isEqualTo(1000);

        now.addAndGet(400);
        task.put(List.of());
        assertThat(server.requests()).isEmpty();
        assertThat(context.timeout).isEqualTo(600);

        now.addAndGet(600);
        task.put(List.of());
        assertThat(server.ids(0)).containsExactly("p-0", "p-1", "p-2");
    }

    @Test
    void ofSeveralWritesOfADocumentInABatchOnlyTheLastIsSent() throws Exception {
        ElasticsearchSinkTask task = task(Map.of());
        task.put(List.of(record("a", 0), record("b", 1),
                new SinkRecord("products", 0, null, "a", null, Map.of("name", "newer"), 2),
                new SinkRecord("products", 0, null, "b", null, null, 3)));
        task.preCommit(offsets(4));

        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0)).extracting(BulkProtocolServer.Action::type, BulkProtocolServer.Action::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("index", "a"),
                        org.assertj.core.groups.Tuple.tuple("delete", "b"));
        assertThat(server.requests().get(0).get(0).source().path("name").asString()).isEqualTo("newer");
    }

    @Test
    void retriesOnlyTheItemsThatFailedTransiently() throws Exception {
        ElasticsearchSinkTask task = task(Map.of());
        server.then(BulkProtocolServer.items(a -> switch (a.id()) {
            case "p-1" -> Map.entry(429, "es_rejected_execution_exception");
            case "p-2" -> Map.entry(503, "unavailable_shards_exception");
            default -> Map.entry(201, "");
        }));
        server.then(BulkProtocolServer.items(a -> a.id().equals("p-2")
                ? Map.entry(500, "es_rejected_execution_exception") : Map.entry(201, "")));
        task.put(records(4));
        assertThat(task.preCommit(offsets(4))).isEqualTo(offsets(4));

        assertThat(server.requests()).hasSize(3);
        assertThat(server.ids(1)).containsExactly("p-1", "p-2");
        assertThat(server.ids(2)).containsExactly("p-2");
        assertThat(sleeps).hasSize(2);
        assertThat(reported).isEmpty();
    }

    @Test
    void rejectedDocumentsGoToTheErrantRecordReporterAndLaterRecordsStillArrive() throws Exception {
        ElasticsearchSinkTask task = task(Map.of());
        server.then(BulkProtocolServer.items(a -> a.id().equals("bad")
                ? Map.entry(400, "document_parsing_exception") : Map.entry(201, "")));
        task.put(List.of(record("ok-1", 0), record("bad", 1), record("ok-2", 2)));
        task.preCommit(offsets(3));
        task.put(List.of(record("later", 3)));
        task.preCommit(offsets(4));

        assertThat(reported).extracting(SinkRecord::key).containsExactly("bad");
        assertThat(reportedErrors.get(0)).contains("document_parsing_exception", "bad", "(400)");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.ids(1)).containsExactly("later");
    }

    @Test
    void recordsThatCannotBecomeDocumentsAreReportedWithoutReachingElasticsearch() throws Exception {
        ElasticsearchSinkTask task = task(Map.of("document.format", "debezium.mongodb"));
        Map<String, Object> key = Map.of("id", "\"p-1\"");
        task.put(List.of(
                new SinkRecord("products", 0, null, key, null, Map.of("op", "c", "after", "{broken"), 0),
                new SinkRecord("products", 0, null, null, null, Map.of("op", "c", "after", "{\"name\": \"no id\"}"), 1),
                new SinkRecord("products", 0, null, key, null, Map.of("op", "u", "after", "{\"_id\": \"p-1\"}"), 2)));
        task.preCommit(offsets(3));

        assertThat(reported).extracting(SinkRecord::kafkaOffset).containsExactly(0L, 1L);
        assertThat(reportedErrors.get(0)).contains("not JSON");
        assertThat(reportedErrors.get(1)).contains("no document id");
        assertThat(server.ids(0)).containsExactly("p-1");
    }

    @Test
    void offsetsAreNotCommittedBeforeTheDeadLetterTopicHasTheRecord() throws Exception {
        server = new BulkProtocolServer(0);
        CompletableFuture<Void> written = new CompletableFuture<>();
        ElasticsearchSinkTask task = new ElasticsearchSinkTask();
        task.initialize(new RecordingContext((record, error) -> written));
        ElasticsearchSinkConnectorConfig config = new ElasticsearchSinkConnectorConfig(
                Map.of("elasticsearch.urls", server.url()));
        task.start(config, ElasticsearchClients.create(config), sleeps::add, now::get);
        server.then(BulkProtocolServer.items(a -> Map.entry(400, "mapper_parsing_exception")));
        task.put(List.of(record("bad", 0)));

        written.completeExceptionally(new IllegalStateException("the dead-letter topic is unavailable"));
        assertThatThrownBy(() -> task.preCommit(offsets(1))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("could not report an errant record");
        assertThatThrownBy(() -> task.put(List.of())).as("the task fails on the next put")
                .isInstanceOf(ConnectException.class);
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
        assertThatThrownBy(() -> failing.put(List.of(record("next", 1))))
                .as("Connect only logs a failed preCommit; put fails the task").isInstanceOf(ConnectException.class);

        server.then(BulkProtocolServer.items(a -> Map.entry(400, "document_parsing_exception")));
        ElasticsearchSinkTask logging = task(server.url(), Map.of("behavior.on.error", "log"), false);
        logging.put(List.of(record("bad", 0)));
        assertThat(logging.preCommit(offsets(1))).isEqualTo(offsets(1));
    }

    @Test
    void aDeleteOfAMissingDocumentIsASuccess() throws Exception {
        ElasticsearchSinkTask task = task(Map.of());
        server.then(BulkProtocolServer.items(a -> Map.entry(404, "")));
        task.put(List.of(new SinkRecord("products", 0, null, "gone", null, null, 0)));
        task.preCommit(offsets(1));
        assertThat(server.requests().get(0).get(0).type()).isEqualTo("delete");
        assertThat(reported).isEmpty();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aProxysErrorPageWithA503IsRetriedLikeElasticsearchsOwn() throws Exception {
        ElasticsearchSinkTask task = task(Map.of());
        server.then(BulkProtocolServer.foreign(503, "<html><body>503 Service Unavailable</body></html>"));
        server.then(BulkProtocolServer.status(503));
        server.then(BulkProtocolServer.status(429));
        task.put(records(2));
        assertThat(task.preCommit(offsets(2))).isEqualTo(offsets(2));
        assertThat(server.requests()).hasSize(4);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() throws Exception {
        ElasticsearchSinkTask task = task(Map.of("elasticsearch.read.timeout.ms", "300"));
        server.then(BulkProtocolServer.slow(3_000));
        task.put(records(1));
        long start = System.nanoTime();
        assertThat(task.preCommit(offsets(1))).isEqualTo(offsets(1));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_500);
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void aRequestRefusedForGoodFailsTheTaskWithoutRetrying() throws Exception {
        ElasticsearchSinkTask task = task(Map.of());
        server.then(BulkProtocolServer.status(401));
        task.put(records(1));
        assertThatThrownBy(() -> task.preCommit(offsets(1))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("refused a bulk request").hasMessageContaining("401");

        ElasticsearchSinkTask other = task(server.url(), Map.of(), true);
        server.then(BulkProtocolServer.status(500));
        other.put(records(1));
        assertThatThrownBy(() -> other.preCommit(offsets(1))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("HTTP 500");
        assertThat(sleeps).isEmpty();
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aRequestTooLargeIsSplitAndADocumentTooLargeAloneIsRejected() throws Exception {
        ElasticsearchSinkTask task = task(Map.of());
        // 4 writes: too large; halves of 2: the first too large again, then its halves pass but p-1 alone
        server.then(BulkProtocolServer.foreign(413, ""));
        server.then(BulkProtocolServer.foreign(413, ""));
        server.then(BulkProtocolServer.items(BulkProtocolServer.ok()));
        server.then(BulkProtocolServer.foreign(413, ""));
        task.put(records(4));
        task.preCommit(offsets(4));

        assertThat(server.requests()).extracting(List::size).containsExactly(4, 2, 1, 1, 2);
        assertThat(reported).extracting(SinkRecord::key).containsExactly("p-1");
        assertThat(reportedErrors.get(0)).contains("larger than Elasticsearch accepts");
    }

    @Test
    void survivesAMinuteAndMoreOfElasticsearchRefusingConnectionsWithTheDefaultSettings() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AtomicLong waited = new AtomicLong();
        ElasticsearchSinkConnectorConfig config = new ElasticsearchSinkConnectorConfig(
                Map.of("elasticsearch.urls", "http://127.0.0.1:" + port));
        ElasticsearchSinkTask task = new ElasticsearchSinkTask();
        task.initialize(new RecordingContext(null));
        task.start(config, ElasticsearchClients.create(config), millis -> {
            assertThat(millis).isLessThanOrEqualTo(10_000);
            if (waited.addAndGet(millis) >= 65_000 && server == null) { // back, but busy for one more request
                try {
                    server = new BulkProtocolServer(port);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                server.then(BulkProtocolServer.status(503));
            }
        }, now::get);
        task.put(List.of(record("p-0", 0)));
        assertThat(task.preCommit(offsets(1))).isEqualTo(offsets(1));
        assertThat(waited.get()).isGreaterThanOrEqualTo(65_000);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void givesUpAfterMaxRetriesSoNothingIsSkippedSilently() throws Exception {
        ElasticsearchSinkTask task = task(Map.of("max.retries", "2"));
        for (int i = 0; i < 5; i++) {
            server.then(BulkProtocolServer.status(503));
        }
        task.put(List.of(record("p-0", 0)));
        assertThatThrownBy(() -> task.preCommit(offsets(1))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("giving up on 1 writes after 2 retries");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void writesOfPartitionsTakenAwayAreDroppedForTheirNewOwner() throws Exception {
        ElasticsearchSinkTask task = task(Map.of());
        task.put(List.of(record("kept", 0), new SinkRecord("products", 1, null, "moved", null, Map.of(), 0)));
        task.close(List.of(new TopicPartition("products", 1)));
        task.preCommit(Map.of(PARTITION, new OffsetAndMetadata(1)));
        assertThat(server.ids(0)).containsExactly("kept");
    }

    @Test
    void sendsBasicAuthenticationWhenAUserIsSet() throws Exception {
        ElasticsearchSinkTask task = task(Map.of("elasticsearch.username", "sink", "elasticsearch.password", "s3cret"));
        task.put(records(1));
        task.preCommit(offsets(1));
        assertThat(server.headers().get(0).get("Authorization")).containsExactly("Basic c2luazpzM2NyZXQ=");
    }

    /** Connect's task context, with the errant record reporter the worker gives when a DLQ is configured. */
    private static final class RecordingContext implements SinkTaskContext {
        private final ErrantRecordReporter reporter;
        long timeout = -1;

        RecordingContext(ErrantRecordReporter reporter) {
            this.reporter = reporter;
        }

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
            timeout = timeoutMs;
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
