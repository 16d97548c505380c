package com.toprise.connectors.elasticsearch;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a sink record into the write it asks for, per {@link DocumentFormat}; never throws for bad data. */
final class DocumentMapper {

    private final ElasticsearchSinkConnectorConfig config;

    DocumentMapper(ElasticsearchSinkConnectorConfig config) {
        this.config = config;
    }

    WriteOp map(SinkRecord record) {
        String index = config.indexFor(record.topic());
        try {
            return switch (config.documentFormat()) {
                case PLAIN -> plain(record, index);
                case DEBEZIUM_MONGODB -> debezium(record, index);
            };
        } catch (IllegalArgumentException | ClassCastException e) {
            return new WriteOp.Rejected(record, e.getMessage());
        }
    }

    private WriteOp plain(SinkRecord record, String index) {
        if (record.value() == null) {
            return idFromKey(record).<WriteOp>map(id -> new WriteOp.Delete(record, index, id))
                    .orElseGet(() -> new WriteOp.Rejected(record, "a tombstone without a key: nothing to delete"));
        }
        return index(record, index, asDocument(record.value()));
    }

    private WriteOp debezium(SinkRecord record, String index) {
        if (record.value() == null) { // the tombstone Debezium sends after a delete
            return delete(record, index);
        }
        Map<String, Object> change = asDocument(record.value());
        Object op = change.get("op");
        if ("d".equals(op)) {
            return delete(record, index);
        }
        if (!("c".equals(op) || "r".equals(op) || "u".equals(op))) {
            return new WriteOp.Rejected(record, "not a Debezium change event: op is " + op);
        }
        Object after = change.get("after");
        if (after == null) {
            return new WriteOp.Rejected(record, "a Debezium '" + op + "' event without 'after' (capture.mode must "
                    + "give full documents: change_streams_update_full)");
        }
        Object document = after instanceof String json ? ExtendedJson.parse(json) : ExtendedJson.unwrap(after);
        if (!(document instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("'after' is not a document");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) document;
        return index(record, index, map);
    }

    private WriteOp delete(SinkRecord record, String index) {
        return idFromKey(record).<WriteOp>map(id -> new WriteOp.Delete(record, index, id))
                .orElseGet(() -> new WriteOp.Rejected(record, "a delete without a usable key"));
    }

    private WriteOp index(SinkRecord record, String index, Map<String, Object> document) {
        Map<String, Object> source = new LinkedHashMap<>(document);
        Object mongoId = source.remove("_id"); // Elasticsearch forbids _id inside the source
        config.dropFields().forEach(source::remove);
        Optional<String> id = config.idField()
                .map(field -> Optional.ofNullable(source.get(field)).map(DocumentIds::of))
                .orElseGet(() -> idFromKey(record).or(() -> Optional.ofNullable(mongoId).map(DocumentIds::of)));
        return id.<WriteOp>map(value -> new WriteOp.Index(record, index, value, source))
                .orElseGet(() -> new WriteOp.Rejected(record, "no document id: the key is empty and "
                        + config.idField().map(f -> "field '" + f + "' is missing").orElse("there is no _id")));
    }

    private static Optional<String> idFromKey(SinkRecord record) {
        Object key = record.key();
        if (key instanceof Struct struct) {
            key = structToMap(struct);
        }
        if (key instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("id")) {
            Object id = map.get("id");
            // Debezium MongoDB: {"id": "<extended JSON of _id>"}
            return Optional.ofNullable(id).map(v -> v instanceof String s ? DocumentIds.of(ExtendedJson.parse(s)) : DocumentIds.of(v));
        }
        return Optional.ofNullable(key).map(DocumentIds::of).filter(s -> !s.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asDocument(Object value) {
        if (value instanceof Struct struct) {
            return structToMap(struct);
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) ExtendedJson.unwrap(map);
        }
        if (value instanceof String json) {
            Object parsed = ExtendedJson.parse(json);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        }
        throw new IllegalArgumentException("the value is not a JSON object but " + value.getClass().getSimpleName());
    }

    private static Map<String, Object> structToMap(Struct struct) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Field field : struct.schema().fields()) {
            Object v = struct.get(field);
            map.put(field.name(), v instanceof Struct nested ? structToMap(nested) : v);
        }
        return map;
    }

    /** Document ids as Elasticsearch wants them: strings; numbers without exponent; compound ids as JSON. */
    static final class DocumentIds {
        private DocumentIds() {
        }

        static String of(Object id) {
            if (id instanceof BigDecimal decimal) {
                return decimal.stripTrailingZeros().toPlainString();
            }
            if (id instanceof Map<?, ?> || id instanceof List<?>) {
                return CompactJson.write(id);
            }
            return String.valueOf(id);
        }
    }
}
