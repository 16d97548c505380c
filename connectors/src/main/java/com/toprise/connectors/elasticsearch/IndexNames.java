package com.toprise.connectors.elasticsearch;

import java.nio.charset.StandardCharsets;

/** Elasticsearch's rules for index names, checked when the connector is configured rather than at the first write. */
final class IndexNames {

    private static final String FORBIDDEN = "\\/*?\"<>| ,#:";

    private IndexNames() {
    }

    static void check(String index) {
        if (index.isEmpty()) {
            throw new IllegalArgumentException("an index name cannot be empty");
        }
        if (!index.equals(index.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("index '" + index + "' must be lower case");
        }
        if (index.startsWith("-") || index.startsWith("_") || index.startsWith("+")) {
            throw new IllegalArgumentException("index '" + index + "' cannot start with -, _ or +");
        }
        if (index.equals(".") || index.equals("..")) {
            throw new IllegalArgumentException("index cannot be '.' or '..'");
        }
        for (char c : FORBIDDEN.toCharArray()) {
            if (index.indexOf(c) >= 0) {
                throw new IllegalArgumentException("index '" + index + "' cannot contain '" + c + "'");
            }
        }
        if (index.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("index '" + index + "' is longer than 255 bytes");
        }
    }
}
