package com.toprise.connectors.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Buffers the writes of incoming records and sends them in bulk: when a batch is full, when the flush interval
 * has passed, and always before Connect commits offsets ({@link #preCommit}), so an offset is committed only for
 * records Elasticsearch has acknowledged or the dead-letter topic has taken.
 */
public class ElasticsearchSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSinkTask.class);

    private ElasticsearchSinkConnectorConfig config;
    private ElasticsearchClient client;
    private DocumentMapper mapper;
    private BulkWriter writer;
    private ErrantRecordReporter reporter;
    private final List<WriteOp> buffer = new ArrayList<>();
    private final List<Future<Void>> reported = new ArrayList<>();
    private long oldestBufferedAt;
    private volatile boolean stopping;

    @Override
    public String version() {
        return ElasticsearchSinkConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new ElasticsearchSinkConnectorConfig(props);
        client = ElasticsearchClients.create(config);
        start(config, client, BulkWriter.Sleeper.THREAD);
    }

    void start(ElasticsearchSinkConnectorConfig config, ElasticsearchClient client, BulkWriter.Sleeper sleeper) {
        this.config = config;
        this.client = client;
        this.mapper = new DocumentMapper(config);
        this.writer = new BulkWriter(client, config.backoff(), () -> stopping, sleeper);
        this.reporter = errantRecordReporter();
        this.stopping = false;
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        for (SinkRecord record : records) {
            WriteOp op = mapper.map(record);
            if (op instanceof WriteOp.Rejected rejected) {
                reject(record, rejected.reason());
                continue;
            }
            if (buffer.isEmpty()) {
                oldestBufferedAt = System.currentTimeMillis();
            }
            buffer.add(op);
            if (buffer.size() >= config.batchSize()) {
                flushBuffer();
            }
        }
        if (!buffer.isEmpty() && System.currentTimeMillis() - oldestBufferedAt >= config.flushIntervalMs()) {
            flushBuffer();
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        flushBuffer();
        awaitReported();
        return currentOffsets;
    }

    @Override
    public void stop() {
        stopping = true;
        if (client != null) {
            try {
                client.close();
            } catch (Exception e) {
                log.warn("closing the Elasticsearch client: {}", e.getMessage());
            }
        }
    }

    private void flushBuffer() {
        while (!buffer.isEmpty()) {
            List<WriteOp> batch = new ArrayList<>(buffer.subList(0, Math.min(config.batchSize(), buffer.size())));
            for (BulkWriter.Rejection rejection : writer.write(batch)) {
                reject(rejection.record(), rejection.reason());
            }
            buffer.subList(0, batch.size()).clear();
        }
    }

    private void reject(SinkRecord record, String reason) {
        DataException error = new DataException(reason);
        if (reporter != null) {
            reported.add(reporter.report(record, error));
        } else if (config.failOnRejected()) {
            throw new ConnectException("record " + record.topic() + "-" + record.kafkaPartition() + "@"
                    + record.kafkaOffset() + " cannot be indexed (behavior.on.error=fail): " + reason, error);
        } else {
            log.warn("skipping record {}-{}@{}: {}", record.topic(), record.kafkaPartition(), record.kafkaOffset(), reason);
        }
    }

    /** The dead-letter topic must have the rejected records before their offsets are committed. */
    private void awaitReported() {
        try {
            for (Future<Void> future : reported) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while reporting errant records", e);
        } catch (ExecutionException e) {
            throw new ConnectException("could not report an errant record", e.getCause());
        } finally {
            reported.clear();
        }
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context == null ? null : context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null; // a Connect runtime older than 2.6
        }
    }
}
