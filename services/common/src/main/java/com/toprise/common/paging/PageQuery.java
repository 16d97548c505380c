package com.toprise.common.paging;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The paging every list endpoint takes: {@code ?page=0&size=20&sort=name,asc}. Size is capped at 100, and sort
 * fields are checked against the endpoint's whitelist so no arbitrary field name reaches a query.
 */
public record PageQuery(int page, int size, String sortField, Sort.Direction direction) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public Pageable toPageable() {
        return sortField == null ? PageRequest.of(page, size) : PageRequest.of(page, size, Sort.by(direction, sortField));
    }
}
