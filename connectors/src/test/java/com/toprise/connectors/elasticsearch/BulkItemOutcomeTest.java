package com.toprise.connectors.elasticsearch;

import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import jakarta.json.stream.JsonParser;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static com.toprise.connectors.elasticsearch.BulkWriter.ItemOutcome.REJECTED;
import static com.toprise.connectors.elasticsearch.BulkWriter.ItemOutcome.RETRY;
import static com.toprise.connectors.elasticsearch.BulkWriter.ItemOutcome.WRITTEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classification of bulk items, on {@link BulkResponse}s read by the client itself from bodies as Elasticsearch
 * 9.2 writes them (captured from a single node, shortened).
 */
class BulkItemOutcomeTest {

    private static final String RESPONSE = """
            {"errors": true, "took": 200, "items": [
              {"index": {"_index": "products", "_id": "p1", "status": 400, "error": {
                  "type": "document_parsing_exception",
                  "reason": "[1:29] failed to parse field [price] of type [double] in document with id 'p1'. Preview of field's value: 'twelve rupees'",
                  "caused_by": {"type": "number_format_exception", "reason": "For input string: \\"twelve rupees\\""}}}},
              {"index": {"_index": "products", "_id": "p2", "_version": 1, "result": "created",
                  "_shards": {"total": 1, "successful": 1, "failed": 0}, "_seq_no": 0, "_primary_term": 1, "status": 201}},
              {"delete": {"_index": "products", "_id": "nope", "_version": 1, "result": "not_found",
                  "_shards": {"total": 1, "successful": 1, "failed": 0}, "_seq_no": 1, "_primary_term": 1, "status": 404}},
              {"index": {"_index": "products", "_id": "p3", "status": 429, "error": {
                  "type": "es_rejected_execution_exception",
                  "reason": "rejected execution of coordinating operation [coordinating_and_primary_bytes=0, replica_bytes=0, all_bytes=0, coordinating_operation_bytes=107374183, max_coordinating_and_primary_bytes=53687091]"}}},
              {"index": {"_index": "products", "_id": "p4", "status": 503, "error": {
                  "type": "unavailable_shards_exception",
                  "reason": "[products][0] primary shard is not active Timeout: [1m]"}}},
              {"index": {"_index": "products", "_id": "p5", "status": 400, "error": {
                  "type": "illegal_argument_exception", "reason": "Limit of total fields [1000] has been exceeded"}}},
              {"update": {"_index": "products", "_id": "p6", "status": 409, "error": {
                  "type": "version_conflict_engine_exception",
                  "reason": "[p6]: version conflict, current version [2] is different than the one provided [1]"}}},
              {"delete": {"_index": "products", "_id": "p7", "_version": 2, "result": "deleted",
                  "_shards": {"total": 1, "successful": 1, "failed": 0}, "_seq_no": 2, "_primary_term": 1, "status": 200}},
              {"index": {"_index": "products", "_id": "p8", "status": 500, "error": {
                  "type": "circuit_breaking_exception", "reason": "[parent] Data too large"}}},
              {"index": {"_index": "products", "_id": "p9", "status": 404, "error": {
                  "type": "index_not_found_exception", "reason": "no such index [products]"}}}
            ]}""";

    private static List<BulkResponseItem> items() {
        JsonpMapper mapper = new JacksonJsonpMapper();
        try (JsonParser parser = mapper.jsonProvider().createParser(new StringReader(RESPONSE))) {
            return BulkResponse._DESERIALIZER.deserialize(parser, mapper).items();
        }
    }

    @Test
    void eachItemIsWrittenRetriedOrRejected() {
        assertThat(items()).extracting(BulkWriter::outcome).containsExactly(
                REJECTED, // mapping error: never indexable
                WRITTEN,
                WRITTEN,  // deleting what is not there is what a delete wants
                RETRY,    // 429 rejected execution
                RETRY,    // 503 primary not active
                REJECTED, // too many fields
                REJECTED, // version conflict
                WRITTEN,
                RETRY,    // circuit breaker: memory pressure passes
                REJECTED  // index missing and auto-creation off: the record goes to the dead-letter topic
        );
    }

    @Test
    void theReasonOfARejectionNamesTheDocumentTheErrorAndItsCause() {
        assertThat(BulkWriter.rejectionReason(items().get(0))).isEqualTo("Elasticsearch rejected document p1 of "
                + "index products (400): document_parsing_exception: [1:29] failed to parse field [price] of type "
                + "[double] in document with id 'p1'. Preview of field's value: 'twelve rupees' (caused by "
                + "number_format_exception: For input string: \"twelve rupees\")");
    }

    @Test
    void aBatchKeepsTheLastWriteOfEachDocument() {
        SinkRecord record = new SinkRecord("t", 0, null, null, null, null, 0);
        WriteOp.DocumentWrite first = new WriteOp.Index(record, "i", "a", Map.of("v", 1));
        WriteOp.DocumentWrite other = new WriteOp.Index(record, "i", "b", Map.of());
        WriteOp.DocumentWrite otherIndex = new WriteOp.Index(record, "j", "a", Map.of());
        WriteOp.DocumentWrite delete = new WriteOp.Delete(record, "i", "a");
        assertThat(BulkWriter.lastWritePerDocument(List.of(first, other, otherIndex, delete)))
                .containsExactly(other, otherIndex, delete);
    }
}
