package com.toprise.connectors.elasticsearch;

import org.apache.kafka.connect.sink.SinkRecord;

import java.util.Map;

/** What one record asks of Elasticsearch: index a document, delete one, or nothing it can be indexed as. */
sealed interface WriteOp {

    SinkRecord record();

    record Index(SinkRecord record, String index, String id, Map<String, Object> document) implements WriteOp {
    }

    record Delete(SinkRecord record, String index, String id) implements WriteOp {
    }

    /** A record that cannot become a write: it is reported as errant with this reason. */
    record Rejected(SinkRecord record, String reason) implements WriteOp {
    }
}
