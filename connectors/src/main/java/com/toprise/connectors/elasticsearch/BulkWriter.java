package com.toprise.connectors.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Sends writes as bulk requests. Transient failures (Elasticsearch unreachable or timing out, HTTP 429/502/503/504,
 * items rejected for load) are retried with backoff, and of a partly failed bulk only the failed items are sent
 * again. What Elasticsearch refuses for good (a mapping error, say) is returned to the caller, which reports the
 * record as errant. A request too large for Elasticsearch (413) is split until each document goes alone.
 */
final class BulkWriter {

    private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);
    private static final int TOO_LARGE = 413;
    private static final Set<Integer> RETRIABLE_STATUS = Set.of(408, 429, 502, 503, 504);
    /** Item errors that say "not now" rather than "never", whatever status Elasticsearch gave them. */
    private static final Set<String> RETRIABLE_ERRORS = Set.of("es_rejected_execution_exception",
            "unavailable_shards_exception", "cluster_block_exception", "node_not_connected_exception",
            "circuit_breaking_exception", "no_shard_available_action_exception", "process_cluster_event_timeout_exception",
            "node_closed_exception", "primary_missing_action_exception", "connect_transport_exception");

    /** A record Elasticsearch will not take, with its answer. */
    record Rejection(SinkRecord record, String reason) {
    }

    /** What became of one item of a bulk response. */
    enum ItemOutcome { WRITTEN, RETRY, REJECTED }

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

    /**
     * Writes the last write of each document among {@code writes} (earlier ones would only be overwritten, and
     * retrying only failed items could otherwise put an older version back over a newer one), and returns what
     * Elasticsearch rejected. Throws {@link ConnectException} when retries run out, the task stops, or
     * Elasticsearch refuses the request itself for a reason a retry cannot mend (authentication, say).
     */
    List<Rejection> write(List<WriteOp.DocumentWrite> writes) {
        return send(lastWritePerDocument(writes));
    }

    private List<Rejection> send(List<WriteOp.DocumentWrite> writes) {
        List<Rejection> rejected = new ArrayList<>();
        List<WriteOp.DocumentWrite> pending = writes;
        int attempt = 0;
        while (!pending.isEmpty()) {
            String failure;
            try {
                List<BulkOperation> operations = pending.stream().map(BulkWriter::operation).toList();
                BulkResponse response = client.bulk(b -> b.operations(operations));
                List<WriteOp.DocumentWrite> retry = new ArrayList<>();
                List<BulkResponseItem> items = response.items();
                for (int i = 0; i < items.size(); i++) {
                    WriteOp.DocumentWrite write = pending.get(i);
                    switch (outcome(items.get(i))) {
                        case WRITTEN -> { }
                        case RETRY -> retry.add(write);
                        case REJECTED -> rejected.add(new Rejection(write.record(), rejectionReason(items.get(i))));
                    }
                }
                if (retry.isEmpty()) {
                    return rejected;
                }
                failure = retry.size() + " of " + pending.size() + " items failed transiently ("
                        + firstError(items) + ")";
                pending = retry;
            } catch (ResponseException e) { // the low-level client's answer to a 5xx
                int status = e.getResponse().getStatusCode();
                if (!RETRIABLE_STATUS.contains(status)) {
                    throw new ConnectException("Elasticsearch failed a bulk request (HTTP " + status + "): "
                            + e.getMessage(), e);
                }
                failure = "HTTP " + status + " from " + e.getResponse().getHost();
            } catch (TransportException e) { // a 4xx that is not Elasticsearch's JSON, from a proxy say
                if (e.statusCode() == TOO_LARGE) {
                    rejected.addAll(split(pending));
                    return rejected;
                }
                if (!RETRIABLE_STATUS.contains(e.statusCode())) {
                    throw new ConnectException("Elasticsearch refused a bulk request (HTTP " + e.statusCode()
                            + "): " + e.getMessage(), e);
                }
                failure = "HTTP " + e.statusCode() + ": " + e.getMessage();
            } catch (IOException e) {
                failure = "Elasticsearch unreachable: " + e;
            } catch (ElasticsearchException e) {
                if (e.status() == TOO_LARGE) {
                    rejected.addAll(split(pending));
                    return rejected;
                }
                if (!RETRIABLE_STATUS.contains(e.status())) {
                    throw new ConnectException("Elasticsearch refused a bulk request: " + e.getMessage(), e);
                }
                failure = "Elasticsearch answered " + e.status() + ": " + e.getMessage();
            }
            attempt++;
            if (!backoff.mayRetry(attempt) || stopping.getAsBoolean()) {
                throw new ConnectException("giving up on " + pending.size() + " writes after " + (attempt - 1)
                        + " retries: " + failure);
            }
            long delay = backoff.delayMs(attempt);
            log.warn("{}; retry {} of {} writes in {} ms", failure, attempt, pending.size(), delay);
            sleeper.sleep(delay);
        }
        return rejected;
    }

    /** Halves a request Elasticsearch found too large; a single document that is still too large is rejected. */
    private List<Rejection> split(List<WriteOp.DocumentWrite> writes) {
        if (writes.size() == 1) {
            return List.of(new Rejection(writes.get(0).record(), "document " + writes.get(0).id()
                    + " is larger than Elasticsearch accepts in one request (HTTP 413, http.max_content_length)"));
        }
        int half = writes.size() / 2;
        log.info("Elasticsearch found a bulk of {} writes too large; sending it in halves", writes.size());
        List<Rejection> rejected = new ArrayList<>(send(writes.subList(0, half)));
        rejected.addAll(send(writes.subList(half, writes.size())));
        return rejected;
    }

    static ItemOutcome outcome(BulkResponseItem item) {
        ErrorCause error = item.error();
        boolean deleteOfMissing = item.operationType() == OperationType.Delete && item.status() == 404;
        if (error == null && item.status() < 300 || deleteOfMissing) {
            return ItemOutcome.WRITTEN;
        }
        if (RETRIABLE_STATUS.contains(item.status()) || error != null && RETRIABLE_ERRORS.contains(error.type())) {
            return ItemOutcome.RETRY;
        }
        return ItemOutcome.REJECTED;
    }

    static String rejectionReason(BulkResponseItem item) {
        ErrorCause error = item.error();
        if (error == null) {
            return "Elasticsearch answered " + item.status() + " for document " + item.id() + " of index " + item.index();
        }
        String cause = error.causedBy() == null ? ""
                : " (caused by " + error.causedBy().type() + ": " + error.causedBy().reason() + ")";
        return "Elasticsearch rejected document " + item.id() + " of index " + item.index() + " (" + item.status()
                + "): " + error.type() + ": " + error.reason() + cause;
    }

    static List<WriteOp.DocumentWrite> lastWritePerDocument(List<WriteOp.DocumentWrite> writes) {
        Map<List<String>, WriteOp.DocumentWrite> last = new LinkedHashMap<>();
        for (WriteOp.DocumentWrite write : writes) {
            List<String> document = List.of(write.index(), write.id());
            last.remove(document); // keeps the order of the last writes
            last.put(document, write);
        }
        return List.copyOf(last.values());
    }

    private static String firstError(List<BulkResponseItem> items) {
        return items.stream().filter(item -> outcome(item) == ItemOutcome.RETRY).findFirst()
                .map(item -> item.status() + (item.error() == null ? "" : " " + item.error().type()))
                .orElse("");
    }

    private static BulkOperation operation(WriteOp.DocumentWrite write) {
        if (write instanceof WriteOp.Index index) {
            return BulkOperation.of(b -> b.index(i -> i.index(index.index()).id(index.id()).document(index.document())));
        }
        return BulkOperation.of(b -> b.delete(d -> d.index(write.index()).id(write.id())));
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
