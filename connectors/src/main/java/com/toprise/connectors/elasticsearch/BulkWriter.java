package com.toprise.connectors.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Sends writes as bulk requests. Transient failures — Elasticsearch unreachable, 429, 502-504, rejected execution —
 * are retried with backoff, and of a partly failed bulk only the failed items are sent again. What Elasticsearch
 * rejects for good (a mapping error, say) is returned to the caller, which reports the record as errant.
 * Index and delete by id are idempotent, so a retry or a redelivery cannot duplicate a document.
 */
final class BulkWriter {

    private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);
    private static final Set<Integer> RETRIABLE_STATUS = Set.of(429, 502, 503, 504);
    private static final Set<String> RETRIABLE_ERRORS = Set.of("es_rejected_execution_exception",
            "unavailable_shards_exception", "cluster_block_exception", "node_not_connected_exception",
            "circuit_breaking_exception", "no_shard_available_action_exception", "process_cluster_event_timeout_exception");

    /** A record Elasticsearch will not take, with its answer. */
    record Rejection(SinkRecord record, String reason) {
    }

    private final ElasticsearchClient client;
    private final Backoff backoff;
    private final BooleanSupplier stopping;
    private final Sleeper sleeper;

    BulkWriter(ElasticsearchClient client, Backoff backoff, BooleanSupplier stopping, Sleeper sleeper) {
        this.client = client;
        this.backoff = backoff;
        this.stopping = stopping;
        this.sleeper = sleeper;
    }

    /** Writes every operation or returns it as rejected; throws when retries run out or the task stops. */
    List<Rejection> write(List<WriteOp> ops) {
        List<Rejection> rejected = new ArrayList<>();
        List<WriteOp> pending = ops;
        int attempt = 0;
        while (!pending.isEmpty()) {
            String failure;
            try {
                List<BulkOperation> operations = pending.stream().map(BulkWriter::operation).toList();
                BulkResponse response = client.bulk(b -> b.operations(operations));
                List<WriteOp> retry = new ArrayList<>();
                List<BulkResponseItem> items = response.items();
                for (int i = 0; i < items.size(); i++) {
                    classify(pending.get(i), items.get(i), retry, rejected);
                }
                if (retry.isEmpty()) {
                    return rejected;
                }
                failure = retry.size() + " of " + pending.size() + " items failed transiently";
                pending = retry;
            } catch (IOException e) {
                failure = "Elasticsearch unreachable: " + e.getMessage();
            } catch (ElasticsearchException e) {
                if (!RETRIABLE_STATUS.contains(e.status())) {
                    throw new ConnectException("Elasticsearch refused a bulk request: " + e.getMessage(), e);
                }
                failure = "Elasticsearch answered " + e.status();
            }
            attempt++;
            if (!backoff.mayRetry(attempt) || stopping.getAsBoolean()) {
                throw new ConnectException("giving up on " + pending.size() + " writes after " + (attempt - 1)
                        + " retries: " + failure);
            }
            long delay = backoff.delayMs(attempt);
            log.warn("{}; retry {} in {} ms", failure, attempt, delay);
            sleeper.sleep(delay);
        }
        return rejected;
    }

    private static void classify(WriteOp op, BulkResponseItem item, List<WriteOp> retry, List<Rejection> rejected) {
        ErrorCause error = item.error();
        if (error == null || (op instanceof WriteOp.Delete && item.status() == 404)) {
            return;
        }
        if (RETRIABLE_STATUS.contains(item.status()) || RETRIABLE_ERRORS.contains(error.type())) {
            retry.add(op);
        } else {
            String cause = error.causedBy() == null ? "" : " (caused by " + error.causedBy().type() + ": "
                    + error.causedBy().reason() + ")";
            rejected.add(new Rejection(op.record(), "Elasticsearch rejected document " + item.id() + " of index "
                    + item.index() + ": " + error.type() + ": " + error.reason() + cause));
        }
    }

    private static BulkOperation operation(WriteOp op) {
        if (op instanceof WriteOp.Index index) {
            return BulkOperation.of(b -> b.index(i -> i.index(index.index()).id(index.id()).document(index.document())));
        }
        if (op instanceof WriteOp.Delete delete) {
            return BulkOperation.of(b -> b.delete(d -> d.index(delete.index()).id(delete.id())));
        }
        throw new IllegalArgumentException("a rejected record is not sent");
    }

    /** Waits between retries; a test may pass one that does not. */
    interface Sleeper {
        void sleep(long millis);

        Sleeper THREAD = millis -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("interrupted while waiting to retry", e);
            }
        };
    }
}
