package com.toprise.connectors.elasticsearch;

import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentMapperTest {

    private static DocumentMapper mapper(String format, String idSource) {
        Map<String, String> props = new HashMap<>();
        props.put("elasticsearch.urls", "http://127.0.0.1:9200");
        props.put("index.mapping", "cdc.products.products:products");
        props.put("document.format", format);
        props.put("document.id.source", idSource);
        props.put("document.drop.fields", "outbox,_class");
        return new DocumentMapper(new ElasticsearchSinkConnectorConfig(props));
    }

    private static SinkRecord record(Object key, Object value) {
        return new SinkRecord("cdc.products.products", 0, null, key, null, value, 42);
    }

    private static Map<String, Object> change(String op, String after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("before", null);
        change.put("after", after);
        change.put("op", op);
        change.put("source", Map.of("db", "products"));
        return change;
    }

    private static final Map<String, Object> OID_KEY = Map.of("id", "{\"$oid\": \"65a1b2c3d4e5f60718293a4b\"}");

    @Test
    void aDebeziumInsertIndexesTheAfterDocumentAsPlainJson() {
        String after = """
                {"_id": {"$oid": "65a1b2c3d4e5f60718293a4b"}, "name": "Brake pad", "price": {"$numberDecimal": "450.50"},
                 "stock": {"$numberLong": "12"}, "createdAt": {"$date": 1700000000000}, "updatedAt": {"$date": "2024-01-01T00:00:00Z"},
                 "ratio": {"$numberDouble": "NaN"}, "tags": ["a", {"$oid": "65a1b2c3d4e5f60718293a4c"}],
                 "outbox": ["{}"], "_class": "com.toprise.Product", "dims": {"w": 1.5}}""";
        WriteOp op = mapper("debezium.mongodb", "key").map(record(OID_KEY, change("c", after)));

        assertThat(op).isInstanceOfSatisfying(WriteOp.Index.class, index -> {
            assertThat(index.index()).isEqualTo("products");
            assertThat(index.id()).isEqualTo("65a1b2c3d4e5f60718293a4b");
            Map<String, Object> doc = index.document();
            assertThat(doc).doesNotContainKeys("_id", "outbox", "_class");
            assertThat(doc.get("price")).isEqualTo(new BigDecimal("450.50"));
            assertThat(doc.get("stock")).isEqualTo(12L);
            assertThat(doc.get("createdAt")).isEqualTo("2023-11-14T22:13:20Z");
            assertThat(doc.get("updatedAt")).isEqualTo("2024-01-01T00:00:00Z");
            assertThat(doc).containsEntry("ratio", null);
            assertThat(doc.get("tags")).isEqualTo(List.of("a", "65a1b2c3d4e5f60718293a4c"));
            assertThat(doc.get("dims")).isEqualTo(Map.of("w", new BigDecimal("1.5")));
        });
    }

    @Test
    void updatesAndSnapshotReadsIndexDeletesAndTombstonesDelete() {
        DocumentMapper mapper = mapper("debezium.mongodb", "key");
        Map<String, Object> key = Map.of("id", "\"p-1\"");
        assertThat(mapper.map(record(key, change("u", "{\"_id\": \"p-1\", \"name\": \"x\"}")))).isInstanceOf(WriteOp.Index.class);
        assertThat(mapper.map(record(key, change("r", "{\"_id\": \"p-1\"}")))).isInstanceOf(WriteOp.Index.class);
        assertThat(mapper.map(record(key, change("d", null))))
                .isEqualTo(new WriteOp.Delete(record(key, change("d", null)), "products", "p-1"));
        assertThat(mapper.map(record(key, null))).isInstanceOfSatisfying(WriteOp.Delete.class,
                delete -> assertThat(delete.id()).isEqualTo("p-1"));
        assertThat(mapper.map(record(Map.of("id", "42"), null))).isInstanceOfSatisfying(WriteOp.Delete.class,
                delete -> assertThat(delete.id()).isEqualTo("42"));
    }

    @Test
    void unreadableRecordsAreRejectedWithTheReason() {
        DocumentMapper mapper = mapper("debezium.mongodb", "key");
        Map<String, Object> key = Map.of("id", "\"p-1\"");
        assertThat(mapper.map(record(key, change("u", "{not json")))).isInstanceOfSatisfying(WriteOp.Rejected.class,
                r -> assertThat(r.reason()).contains("not JSON"));
        assertThat(mapper.map(record(key, change("u", null)))).isInstanceOfSatisfying(WriteOp.Rejected.class,
                r -> assertThat(r.reason()).contains("without 'after'"));
        assertThat(mapper.map(record(key, Map.of("op", "x")))).isInstanceOfSatisfying(WriteOp.Rejected.class,
                r -> assertThat(r.reason()).contains("op is x"));
        assertThat(mapper.map(record(null, "plain text"))).isInstanceOf(WriteOp.Rejected.class);
    }

    @Test
    void plainDocumentsTakeTheirIdFromTheKeyOrAField() {
        Map<String, Object> doc = Map.of("sku", "BRK-1", "name", "Pad");
        assertThat(mapper("plain", "key").map(record("BRK-1", doc))).isInstanceOfSatisfying(WriteOp.Index.class,
                index -> assertThat(index.id()).isEqualTo("BRK-1"));
        assertThat(mapper("plain", "field:sku").map(record(null, doc))).isInstanceOfSatisfying(WriteOp.Index.class,
                index -> assertThat(index.id()).isEqualTo("BRK-1"));
        assertThat(mapper("plain", "field:missing").map(record(null, doc))).isInstanceOfSatisfying(WriteOp.Rejected.class,
                r -> assertThat(r.reason()).contains("field 'missing' is missing"));
        assertThat(mapper("plain", "key").map(record("BRK-1", null))).isInstanceOf(WriteOp.Delete.class);
        assertThat(mapper("plain", "key").map(record(null, null))).isInstanceOf(WriteOp.Rejected.class);
        assertThat(mapper("plain", "key").map(record(7, "{\"a\": 1}"))).isInstanceOfSatisfying(WriteOp.Index.class,
                index -> assertThat(index.id()).isEqualTo("7"));
    }
}
