package com.toprise.connectors.elasticsearch;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MongoDB Extended JSON (canonical or relaxed, as Debezium writes documents) turned into the plain JSON values
 * Elasticsearch indexes: {@code {"$oid": …}} → its hex string, {@code {"$date": …}} → an ISO-8601 instant,
 * {@code $numberLong/$numberInt/$numberDouble/$numberDecimal} → numbers, {@code $binary} → base64, and so on.
 */
final class ExtendedJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ExtendedJson() {
    }

    /** Parses and unwraps; throws {@link IllegalArgumentException} for text that is not JSON. */
    static Object parse(String json) {
        try {
            return unwrap(MAPPER.readValue(json, Object.class));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
    }

    @SuppressWarnings("unchecked")
    static Object unwrap(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() <= 2 && !map.isEmpty()) {
                Object special = special((Map<String, Object>) map);
                if (special != NOT_SPECIAL) {
                    return special;
                }
            }
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((k, v) -> plain.put((String) k, unwrap(v)));
            return plain;
        }
        if (value instanceof List<?> list) {
            List<Object> plain = new ArrayList<>(list.size());
            list.forEach(v -> plain.add(unwrap(v)));
            return plain;
        }
        return value;
    }

    private static final Object NOT_SPECIAL = new Object();

    private static Object special(Map<String, Object> map) {
        String key = map.keySet().iterator().next();
        Object v = map.get(key);
        if (map.size() == 2) { // the legacy {"$binary": "<base64>", "$type": "00"}
            return map.containsKey("$binary") && map.containsKey("$type") ? String.valueOf(map.get("$binary")) : NOT_SPECIAL;
        }
        try {
            return switch (key) {
                case "$oid", "$symbol", "$code", "$uuid" -> String.valueOf(v);
                case "$numberLong" -> Long.parseLong(String.valueOf(v));
                case "$numberInt" -> Integer.parseInt(String.valueOf(v));
                case "$numberDouble" -> doubleOrNull(String.valueOf(v));
                case "$numberDecimal" -> decimalOrNull(String.valueOf(v));
                case "$date" -> date(v);
                case "$binary" -> v instanceof Map<?, ?> b ? String.valueOf(b.get("base64")) : String.valueOf(v);
                case "$timestamp" -> v instanceof Map<?, ?> t && t.get("t") instanceof Number seconds
                        ? Instant.ofEpochSecond(seconds.longValue()).toString() : NOT_SPECIAL;
                case "$regularExpression" -> v instanceof Map<?, ?> r ? String.valueOf(r.get("pattern")) : NOT_SPECIAL;
                case "$minKey", "$maxKey", "$undefined" -> null;
                default -> NOT_SPECIAL;
            };
        } catch (NumberFormatException | DateTimeException e) {
            throw new IllegalArgumentException("invalid extended JSON " + key + ": " + v + " (" + e.getMessage() + ")");
        }
    }

    /** Millis since the epoch (relaxed or canonical form) or an ISO-8601 text, which is kept as it is. */
    private static Object date(Object v) {
        if (v instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue()).toString();
        }
        if (v instanceof Map<?, ?> nested && nested.get("$numberLong") != null) {
            return Instant.ofEpochMilli(Long.parseLong(String.valueOf(nested.get("$numberLong")))).toString();
        }
        if (v instanceof String iso) {
            return iso;
        }
        throw new DateTimeException("not a date");
    }

    /** NaN and the infinities have no JSON number; Elasticsearch gets no value rather than a string it rejects. */
    private static Double doubleOrNull(String text) {
        double d = Double.parseDouble(text);
        return Double.isFinite(d) ? d : null;
    }

    private static BigDecimal decimalOrNull(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null; // NaN, Infinity
        }
    }
}
