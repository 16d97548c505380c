package com.toprise.common.access;

import java.util.Locale;
import java.util.Map;

/**
 * Role × resource × action → {@link Scope}. A cell that is not set is {@link Scope#NONE}: a resource nobody
 * configured is closed, not open.
 */
public final class PermissionMatrix {

    private final Map<String, Scope> cells;

    private PermissionMatrix(Map<String, Scope> cells) {
        this.cells = Map.copyOf(cells);
    }

    public static PermissionMatrix of(Map<String, Scope> cells) {
        cells.keySet().forEach(PermissionMatrix::checkKey);
        return new PermissionMatrix(cells);
    }

    public Scope scope(String role, String resource, Action action) {
        return cells.getOrDefault(key(role, resource, action), Scope.NONE);
    }

    /** The cells keyed by {@link #key}, for storage. */
    public Map<String, Scope> cells() {
        return cells;
    }

    public static String key(String role, String resource, Action action) {
        return role.toUpperCase(Locale.ROOT) + "|" + resource + "|" + action.name();
    }

    private static void checkKey(String key) {
        String[] parts = key.split("\\|");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a permission cell key (ROLE|resource|ACTION): " + key);
        }
        Action.valueOf(parts[2]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PermissionMatrix matrix && matrix.cells.equals(cells);
    }

    @Override
    public int hashCode() {
        return cells.hashCode();
    }
}
