package com.toprise.common.web;

import java.util.Map;

/**
 * 409: the request is well formed but the resource's current state does not allow it. {@code properties} go into
 * the problem as extension members, so a client can act on the state without parsing the detail (an order's
 * {@code currentStatus}, say).
 */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> properties;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public ConflictException(String message, Map<String, Object> properties) {
        super(message);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
