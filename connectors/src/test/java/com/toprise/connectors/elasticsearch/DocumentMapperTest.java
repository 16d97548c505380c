package com.toprise.connectors.elasticsearch;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentMapperTest {

    private static final String OID = "65a1b2c3d4e5f60718293a4b";
    private static final Map<String, Object> OID_KEY = Map.of("id", "{\"$oid\": \"" + OID + "\"}");

    private static DocumentMapper mapper(String format, String idSource) {
        Map<String, String> props = new HashMap<>();
        props.put("elasticsearch.urls", "http://127.0.0.1:9200");
        props.put("index.mapping", "cdc.products.products:products");
        props.put("document.format", format);
        props.put("document.id.source", idSource);
        props.put("document.drop.fields", "outbox,_class");
        return new DocumentMapper(new ElasticsearchSinkConnectorConfig(props));
    }

    private static DocumentMapper debezium() {
        return mapper("debezium.mongodb", "key");
    }

    private static SinkRecord record(Object key, Object value) {
        return new SinkRecord("cdc.products.products", 0, null, key, null, value, 42);
    }

    /** A Debezium MongoDB change event as JsonConverter (schemas.enable=false) hands it to the task. */
    private static Map<String, Object> change(String op, String after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("before", null);
        change.put("after", after);
        change.put("updateDescription", "u".equals(op) ? Map.of("updatedFields", "{\"name\": \"x\"}") : null);
        change.put("op", op);
        change.put("source", Map.of("connector", "mongodb", "db", "products", "collection", "products"));
        change.put("ts_ms", 1700000000000L);
        return change;
    }

    private static WriteOp.Index indexed(WriteOp op) {
        assertThat(op).isInstanceOf(WriteOp.Index.class);
        return (WriteOp.Index) op;
    }

    private static String rejection(WriteOp op) {
        assertThat(op).isInstanceOf(WriteOp.Rejected.class);
        return ((WriteOp.Rejected) op).reason();
    }

    @Test
    void aDebeziumInsertIndexesTheAfterDocumentAsPlainJsonWithoutItsId() {
        String after = """
                {"_id": {"$oid": "65a1b2c3d4e5f60718293a4b"}, "name": "Brake pad", "price": {"$numberDecimal": "450.50"},
                 "stock": {"$numberLong": "12"}, "createdAt": {"$date": 1700000000000}, "updatedAt": {"$date": "2024-01-01T00:00:00Z"},
                 "ratio": {"$numberDouble": "NaN"}, "tags": ["a", {"$oid": "65a1b2c3d4e5f60718293a4c"}],
                 "outbox": ["{}"], "_class": "com.toprise.Product", "dims": {"w": 1.5}}""";
        WriteOp.Index index = indexed(debezium().map(record(OID_KEY, change("c", after))));

        assertThat(index.index()).isEqualTo("products");
        assertThat(index.id()).isEqualTo(OID);
        Map<String, Object> doc = index.document();
        assertThat(doc).doesNotContainKeys("_id", "outbox", "_class");
        assertThat(doc.get("price")).isEqualTo(new BigDecimal("450.50"));
        assertThat(doc.get("stock")).isEqualTo(12L);
        assertThat(doc.get("createdAt")).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(doc.get("updatedAt")).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(doc).containsEntry("ratio", null);
        assertThat(doc.get("tags")).isEqualTo(List.of("a", "65a1b2c3d4e5f60718293a4c"));
        assertThat(doc.get("dims")).isEqualTo(Map.of("w", new BigDecimal("1.5")));
    }

    @Test
    void updatesAndSnapshotReadsIndexTheWholeDocument() {
        Map<String, Object> key = Map.of("id", "\"p-1\"");
        WriteOp.Index update = indexed(debezium().map(record(key, change("u", "{\"_id\": \"p-1\", \"name\": \"x\", \"price\": 3}"))));
        assertThat(update.id()).isEqualTo("p-1");
        assertThat(update.document()).isEqualTo(Map.of("name", "x", "price", 3));
        assertThat(indexed(debezium().map(record(key, change("r", "{\"_id\": \"p-1\"}")))).document()).isEmpty();
    }

    @Test
    void deletesAndTheTombstonesAfterThemDeleteByTheKeysId() {
        SinkRecord delete = record(OID_KEY, change("d", null));
        assertThat(debezium().map(delete)).isEqualTo(new WriteOp.Delete(delete, "products", OID));
        SinkRecord tombstone = record(OID_KEY, null);
        assertThat(debezium().map(tombstone)).isEqualTo(new WriteOp.Delete(tombstone, "products", OID));
        assertThat(rejection(debezium().map(record(null, null)))).contains("without a key");
    }

    @Test
    void debeziumKeysAreUnwrappedFromTheirExtendedJson() {
        Map<Object, String> idByKey = new LinkedHashMap<>();
        idByKey.put(OID_KEY, OID);
        idByKey.put(Map.of("id", "\"abc\""), "abc");
        idByKey.put(Map.of("id", "42"), "42");
        idByKey.put(Map.of("id", "{\"$numberLong\": \"9007199254740993\"}"), "9007199254740993");
        idByKey.put(Map.of("id", "{\"tenant\": \"t1\", \"sku\": \"S\"}"), "{\"tenant\":\"t1\",\"sku\":\"S\"}");
        idByKey.put("{\"id\": \"{\\\"$oid\\\": \\\"" + OID + "\\\"}\"}", OID); // a key read by StringConverter
        Schema keySchema = SchemaBuilder.struct().field("id", Schema.STRING_SCHEMA).build();
        idByKey.put(new Struct(keySchema).put("id", "\"from-struct\""), "from-struct");
        idByKey.forEach((key, id) -> assertThat(debezium().map(record(key, null)))
                .as(String.valueOf(key)).isInstanceOfSatisfying(WriteOp.Delete.class,
                        delete -> assertThat(delete.id()).isEqualTo(id)));

        assertThat(rejection(debezium().map(record(Map.of("id", "not json"), null)))).contains("not JSON");
    }

    @Test
    void withoutAKeyTheDocumentsOwnIdIsUsed() {
        assertThat(indexed(debezium().map(record(null, change("c", "{\"_id\": {\"$oid\": \"" + OID + "\"}}")))).id())
                .isEqualTo(OID);
    }

    @Test
    void recordsThatCannotBeReadAreRejectedWithTheReason() {
        Map<String, Object> key = Map.of("id", "\"p-1\"");
        assertThat(rejection(debezium().map(record(key, change("u", "{not json"))))).contains("not JSON");
        assertThat(rejection(debezium().map(record(key, change("u", null))))).contains("without 'after'");
        assertThat(rejection(debezium().map(record(key, change("c", "[1, 2]"))))).contains("not a document");
        assertThat(rejection(debezium().map(record(key, Map.of("op", "x"))))).contains("op is x");
        assertThat(rejection(debezium().map(record(key, change("c", "{\"n\": {\"$numberLong\": \"many\"}}")))))
                .contains("invalid extended JSON $numberLong: many");
        assertThat(rejection(debezium().map(record(null, change("c", "{\"name\": \"no _id\"}")))))
                .contains("no document id");
        assertThat(rejection(mapper("plain", "key").map(record("k", "plain text")))).contains("not JSON");
        assertThat(rejection(mapper("plain", "key").map(record("k", 42)))).contains("not a JSON object but a Integer");
    }

    @Test
    void plainDocumentsTakeTheirIdFromTheKeyOrAField() {
        Map<String, Object> doc = Map.of("sku", "BRK-1", "name", "Pad");
        assertThat(indexed(mapper("plain", "key").map(record("BRK-1", doc))).id()).isEqualTo("BRK-1");
        assertThat(indexed(mapper("plain", "key").map(record(7L, "{\"a\": 1}"))).id()).isEqualTo("7");
        assertThat(indexed(mapper("plain", "key").map(record(Map.of("id", "abc"), doc))).id()).isEqualTo("abc");
        assertThat(indexed(mapper("plain", "field:sku").map(record(null, doc))).id()).isEqualTo("BRK-1");
        assertThat(indexed(mapper("plain", "field:sku").map(record(null, doc))).document()).containsEntry("sku", "BRK-1");
        assertThat(rejection(mapper("plain", "field:missing").map(record("k", doc))))
                .contains("field 'missing' is missing");
        assertThat(rejection(mapper("plain", "key").map(record("", doc)))).contains("no document id");
        assertThat(indexed(mapper("debezium.mongodb", "field:_id").map(record(null, change("c", "{\"_id\": \"x\"}")))).id())
                .isEqualTo("x");
    }

    @Test
    void aPlainTombstoneDeletesByKey() {
        assertThat(mapper("plain", "key").map(record("BRK-1", null))).isInstanceOfSatisfying(WriteOp.Delete.class,
                delete -> assertThat(delete.id()).isEqualTo("BRK-1"));
        assertThat(mapper("plain", "field:sku").map(record("BRK-1", null))).isInstanceOf(WriteOp.Delete.class);
        assertThat(rejection(mapper("plain", "key").map(record(null, null)))).contains("no id to delete");
    }

    @Test
    void structValuesAreIndexedAsDocuments() {
        Schema line = SchemaBuilder.struct().field("sku", Schema.STRING_SCHEMA).field("qty", Schema.INT32_SCHEMA).build();
        Schema order = SchemaBuilder.struct()
                .field("orderNumber", Schema.STRING_SCHEMA)
                .field("lines", SchemaBuilder.array(line).build())
                .field("createdAt", Timestamp.SCHEMA)
                .build();
        Struct value = new Struct(order).put("orderNumber", "ORD-1")
                .put("lines", List.of(new Struct(line).put("sku", "A").put("qty", 2)))
                .put("createdAt", new Date(0));
        assertThat(indexed(mapper("plain", "field:orderNumber").map(record(null, value))).document()).isEqualTo(Map.of(
                "orderNumber", "ORD-1", "lines", List.of(Map.of("sku", "A", "qty", 2)), "createdAt", "1970-01-01T00:00:00Z"));
    }

    @Test
    void topicsWithoutAMappingGoToTheirLowerCasedName() {
        SinkRecord other = new SinkRecord("Catalog.Events", 0, null, "k", null, Map.of(), 0);
        assertThat(indexed(mapper("plain", "key").map(other)).index()).isEqualTo("catalog.events");
    }
}
