package com.toprise.common.access;

import java.util.Locale;

/** What a request does to a resource, as the permission matrix distinguishes it. */
public enum Action {
    READ, WRITE, DELETE;

    /** GET and HEAD read, DELETE deletes, everything else (POST, PUT, PATCH) writes. */
    public static Action ofHttpMethod(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> READ;
            case "DELETE" -> DELETE;
            default -> WRITE;
        };
    }
}
