package com.toprise.connectors.elasticsearch;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a sink record into the write it asks for, per {@link DocumentFormat}. Bad data never throws: it becomes a
 * {@link WriteOp.Rejected} with the reason, for the dead-letter topic.
 */
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
        } catch (IllegalArgumentException | ClassCastException | DataException e) {
            return new WriteOp.Rejected(record, e.getMessage());
        } catch (DateTimeException | ArithmeticException e) {
            return new WriteOp.Rejected(record, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private WriteOp plain(SinkRecord record, String index) {
        if (record.value() == null) {
            return delete(record, index);
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
            throw new IllegalArgumentException("'after' is not a document but " + document);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) document;
        return index(record, index, map);
    }

    /** A delete has no document to take an id from, so its id is always the key's. */
    private WriteOp delete(SinkRecord record, String index) {
        return idFromKey(record).<WriteOp>map(id -> new WriteOp.Delete(record, index, id))
                .orElseGet(() -> new WriteOp.Rejected(record, "a delete or tombstone without a key: no id to delete"));
    }

    private WriteOp index(SinkRecord record, String index, Map<String, Object> document) {
        Map<String, Object> source = new LinkedHashMap<>(document);
        Object mongoId = source.remove("_id"); // Elasticsearch forbids _id inside the source
        config.dropFields().forEach(source::remove);
        Optional<String> id = config.idField()
                .map(field -> Optional.ofNullable(document.get(field)).map(DocumentIds::of).filter(s -> !s.isEmpty()))
                .orElseGet(() -> idFromKey(record).or(() -> Optional.ofNullable(mongoId).map(DocumentIds::of)));
        return id.<WriteOp>map(value -> new WriteOp.Index(record, index, value, source))
                .orElseGet(() -> new WriteOp.Rejected(record, "no document id: " + config.idField()
                        .map(f -> "field '" + f + "' is missing or empty")
                        .orElse("the key is empty and the document has no _id")));
    }

    /**
     * The document id from the record key: a string or number as it is; a Debezium MongoDB key
     * {@code {"id": "<extended JSON of _id>"}} unwrapped ({@code {"$oid": "65a…"}} → {@code 65a…},
     * {@code "\"abc\""} → {@code abc}); another key with one field, that field's value; any other key, its JSON.
     */
    private Optional<String> idFromKey(SinkRecord record) {
        Object key = fromConnectData(record.key());
        boolean debezium = config.documentFormat() == DocumentFormat.DEBEZIUM_MONGODB;
        if (debezium && key instanceof String text && text.trim().startsWith("{")) {
            key = ExtendedJson.parse(text); // a key written by a StringConverter
        }
        if (key instanceof Map<?, ?> map && map.size() == 1) {
            Object id = map.values().iterator().next();
            key = debezium && map.containsKey("id") && id instanceof String json ? ExtendedJson.parse(json) : id;
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
        throw new IllegalArgumentException("the value is not a JSON object but a " + value.getClass().getSimpleName());
    }

    private static Map<String, Object> structToMap(Struct struct) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Field field : struct.schema().fields()) {
            map.put(field.name(), fromConnectData(struct.get(field)));
        }
        return map;
    }

    /** Structs, at any depth, as maps; Connect's logical types as the JSON values Elasticsearch takes. */
    private static Object fromConnectData(Object value) {
        if (value instanceof Struct struct) {
            return structToMap(struct);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DocumentMapper::fromConnectData).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((k, v) -> plain.put(String.valueOf(k), fromConnectData(v)));
            return plain;
        }
        if (value instanceof Date date) { // Connect's Timestamp, Date and Time
            return date.toInstant().toString();
        }
        return value; // byte[] is written as base64 by the client's JSON mapper
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
