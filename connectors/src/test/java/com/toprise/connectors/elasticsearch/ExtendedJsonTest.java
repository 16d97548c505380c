package com.toprise.connectors.elasticsearch;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MongoDB Extended JSON, canonical and relaxed, as Debezium writes it, into the JSON Elasticsearch indexes. */
class ExtendedJsonTest {

    private static Object value(String extendedJson) {
        return ((Map<?, ?>) ExtendedJson.parse("{\"v\": " + extendedJson + "}")).get("v");
    }

    @Test
    void typedValuesBecomePlainJsonValues() {
        assertThat(value("{\"$oid\": \"65a1b2c3d4e5f60718293a4b\"}")).isEqualTo("65a1b2c3d4e5f60718293a4b");
        assertThat(value("{\"$date\": 1700000000123}")).isEqualTo("2023-11-14T22:13:20.123Z");
        assertThat(value("{\"$date\": {\"$numberLong\": \"-1000\"}}")).isEqualTo("1969-12-31T23:59:59Z");
        assertThat(value("{\"$date\": \"2024-02-29T10:00:00.5Z\"}")).isEqualTo("2024-02-29T10:00:00.5Z");
        assertThat(value("{\"$numberLong\": \"9007199254740993\"}")).isEqualTo(9007199254740993L);
        assertThat(value("{\"$numberInt\": \"-7\"}")).isEqualTo(-7);
        assertThat(value("{\"$numberDouble\": \"2.5\"}")).isEqualTo(2.5);
        assertThat(value("{\"$numberDouble\": \"Infinity\"}")).isNull();
        assertThat(value("{\"$numberDecimal\": \"12345678901234567890.123\"}"))
                .isEqualTo(new BigDecimal("12345678901234567890.123"));
        assertThat(value("{\"$binary\": {\"base64\": \"AQID\", \"subType\": \"00\"}}")).isEqualTo("AQID");
        assertThat(value("{\"$binary\": \"AQID\", \"$type\": \"00\"}")).isEqualTo("AQID");
        assertThat(value("{\"$timestamp\": {\"t\": 1700000000, \"i\": 1}}")).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(value("{\"$regularExpression\": {\"pattern\": \"^a\", \"options\": \"i\"}}")).isEqualTo("^a");
        assertThat(value("{\"$minKey\": 1}")).isNull();
        assertThat(value("1.10")).isEqualTo(new BigDecimal("1.10"));
    }

    @Test
    void nestedDocumentsAndArraysAreUnwrappedAtEveryDepth() {
        Object doc = ExtendedJson.parse("""
                {"lines": [{"qty": {"$numberInt": "2"}, "at": {"$date": 0}}, {"$oid": "aa"}],
                 "dims": {"w": {"$numberDouble": "1.5"}, "sub": {"$unknownOperator": 1, "x": 2}}}""");
        assertThat(doc).isEqualTo(Map.of(
                "lines", List.of(Map.of("qty", 2, "at", "1970-01-01T00:00:00Z"), "aa"),
                "dims", Map.of("w", 1.5, "sub", Map.of("$unknownOperator", 1, "x", 2))));
    }

    @Test
    void documentsThatMerelyLookTypedStayDocuments() {
        assertThat(value("{\"$oid\": \"aa\", \"other\": 1}")).isEqualTo(Map.of("$oid", "aa", "other", 1));
        assertThat(value("{}")).isEqualTo(Map.of());
        assertThat(value("[]")).isEqualTo(List.of());
    }

    @Test
    void invalidTextIsAnIllegalArgumentWithTheReason() {
        assertThatThrownBy(() -> ExtendedJson.parse("{\"a\": ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not JSON");
        for (String bad : Arrays.asList("{\"$numberLong\": \"twelve\"}", "{\"$numberInt\": \"1.5\"}",
                "{\"$date\": {\"$numberLong\": \"x\"}}", "{\"$date\": true}", "{\"$numberDouble\": \"x\"}")) {
            assertThatThrownBy(() -> value(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid extended JSON");
        }
    }
}
