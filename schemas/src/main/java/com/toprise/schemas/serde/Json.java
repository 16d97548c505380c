package com.toprise.schemas.serde;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of events, so every producer writes what every consumer and the JSON Schemas expect.
 */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            // non-Java subscribers read "2026-11-25T10:15:30Z", not epoch numbers whose unit they must guess
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            // a v1 reader must accept a v2 payload that added a field
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // primitives are the required numbers (quantity, version...): missing, they are an error, not a silent 0;
            // optional fields are reference types and read as null
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // money stays an exact JSON number: 1499.00, never 1.499E+3 nor a string
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }
}
