package com.toprise.connectors.elasticsearch;

import tools.jackson.databind.json.JsonMapper;

/** Compound ids (a document as _id) become their compact JSON text, which is stable for the same value. */
final class CompactJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CompactJson() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
