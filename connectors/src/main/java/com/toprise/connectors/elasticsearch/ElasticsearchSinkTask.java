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
import java.util.function.LongSupplier;

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
    private LongSupplier clock;
    private final List<WriteOp.DocumentWrite> buffer = new ArrayList<>();
    private final List<Future<Void>> reported = new ArrayList<>();
    private long oldestBufferedAt;
    /** A failure of a flush in preCommit, where Connect only logs it; put rethrows it so the task fails. */
    private ConnectException failure;
    private volatile boolean stopping;

    @Override
    public String version() {
        return ElasticsearchSinkConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        ElasticsearchSinkConnectorConfig config = new ElasticsearchSinkConnectorConfig(props);
        start(config, ElasticsearchClients.create(config), BulkWriter.Sleeper.THREAD, System::currentTimeMillis);
    }

    void start(ElasticsearchSinkConnectorConfig config, ElasticsearchClient client, BulkWriter.Sleeper sleeper,
               LongSupplier clock) {
        this.config = config;
        this.client = client;
        this.clock = clock;
        this.mapper = new DocumentMapper(config);
        this.writer = new BulkWriter(client, config.backoff(), () -> stopping, sleeper);
        this.reporter = errantRecordReporter();
        this.stopping = false;
        this.failure = null;
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (failure != null) {
            throw failure;
        }
        for (SinkRecord record : records) {
            WriteOp op = mapper.map(record);
            if (op instanceof WriteOp.Rejected rejected) {
                reject(record, rejected.reason());
                continue;
            }
            if (buffer.isEmpty()) {
                oldestBufferedAt = clock.getAsLong();
            }
            buffer.add((WriteOp.DocumentWrite) op);
            if (buffer.size() >= config.batchSize()) {
                flushBuffer();
            }
        }
        if (buffer.isEmpty()) {
            return;
        }
        long dueIn = oldestBufferedAt + config.flushIntervalMs() - clock.getAsLong();
        if (dueIn <= 0) {
            flushBuffer();
        } else {
            // Connect polls no sooner than its next offset commit (a minute by default) unless told otherwise;
            // this makes it call put again, with no records if none came, when the batch is due.
            context.timeout(dueIn);
        }
    }

    /** Writes everything buffered; the offsets Connect passes are then all acknowledged, so they are returned. */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        flush(currentOffsets);
        return currentOffsets;
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        try {
            flushBuffer();
            awaitReported();
        } catch (ConnectException e) {
            failure = e;
            throw e;
        }
    }

    /**
     * Partitions taken from this task (a rebalance, or the consumer lost them) will be consumed again from their
     * last committed offset, perhaps by another task: their writes still buffered are dropped, or they could land
     * after, and over, newer writes of the new owner.
     */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        buffer.removeIf(write -> partitions.contains(
                new TopicPartition(write.record().topic(), write.record().kafkaPartition())));
    }

    @Override
    public void stop() {
        stopping = true;
        buffer.clear(); // not committed, so consumed again after a restart
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
            List<WriteOp.DocumentWrite> batch = buffer.subList(0, Math.min(config.batchSize(), buffer.size()));
            for (BulkWriter.Rejection rejection : writer.write(List.copyOf(batch))) {
                reject(rejection.record(), rejection.reason());
            }
            batch.clear();
        }
    }

    private void reject(SinkRecord record, String reason) {
        DataException error = new DataException(reason);
        if (reporter != null) {
            // the worker applies errors.tolerance: the dead-letter topic and on with 'all', a failed task with 'none'
            reported.add(reporter.report(record, error));
        } else if (config.failOnRejected()) {
            throw new ConnectException("record " + record.topic() + "-" + record.kafkaPartition() + "@"
                    + record.kafkaOffset() + " cannot be indexed (behavior.on.error=fail): " + reason, error);
        } else {
            log.warn("skipping record {}-{}@{} (behavior.on.error=log): {}", record.topic(), record.kafkaPartition(),
                    record.kafkaOffset(), reason);
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
