package com.toprise.connectors.elasticsearch;

import java.util.Arrays;

/** How a record's value carries the document. */
public enum DocumentFormat {
    PLAIN("plain"),
    DEBEZIUM_MONGODB("debezium.mongodb");

    private final String configName;

    DocumentFormat(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    static String[] configNames() {
        return Arrays.stream(values()).map(DocumentFormat::configName).toArray(String[]::new);
    }

    static DocumentFormat ofConfigName(String name) {
        return Arrays.stream(values()).filter(f -> f.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown document format " + name));
    }
}
