package com.toprise.infra.mongo;

import java.util.Arrays;

/** The kinds of oplog entries and the {@code operationType} of the change events they become. */
enum ChangeType {
    INSERT("i", "insert"),
    UPDATE("u", "update"),
    REPLACE("r", "replace"),
    DELETE("d", "delete"),
    DROP("c", "drop");

    private final String code;
    private final String operationType;

    ChangeType(String code, String operationType) {
        this.code = code;
        this.operationType = operationType;
    }

    String code() {
        return code;
    }

    String operationType() {
        return operationType;
    }

    static ChangeType ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown oplog entry type " + code));
    }
}
