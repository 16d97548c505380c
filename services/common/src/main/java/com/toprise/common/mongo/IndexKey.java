package com.toprise.common.mongo;

import org.springframework.data.domain.Sort;

import java.util.Objects;

/** One field of a declared index and its order, as the stored document names it ({@code _id}, not the Java id). */
public record IndexKey(String field, Sort.Direction direction) {

    public IndexKey {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(direction, "direction");
    }

    public static IndexKey asc(String field) {
        return new IndexKey(field, Sort.Direction.ASC);
    }

    public static IndexKey desc(String field) {
        return new IndexKey(field, Sort.Direction.DESC);
    }

    /** 1 or -1, as MongoDB writes index keys and sorts. */
    public int order() {
        return direction == Sort.Direction.ASC ? 1 : -1;
    }

    @Override
    public String toString() {
        return field + ":" + order();
    }
}
