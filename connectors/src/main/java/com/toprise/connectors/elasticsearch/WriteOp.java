package com.toprise.connectors.elasticsearch;

import org.apache.kafka.connect.sink.SinkRecord;

import java.util.Map;

/** What one record asks of Elasticsearch: write a document (index or delete it), or nothing it can be. */
sealed interface WriteOp {

    SinkRecord record();

    /** A write of the whole state of one document, so writing it again, or again later, does no harm. */
    sealed interface DocumentWrite extends WriteOp {
        String index();

        String id();
    }

    /** Index the whole document under its id: creates it or replaces the previous version. */
    record Index(SinkRecord record, String index, String id, Map<String, Object> document) implements DocumentWrite {
    }

    /** Delete by id; a document that is not there counts as deleted. */
    record Delete(SinkRecord record, String index, String id) implements DocumentWrite {
    }

    /** A record that cannot become a write: it is reported as errant with this reason. */
    record Rejected(SinkRecord record, String reason) implements WriteOp {
    }
}
