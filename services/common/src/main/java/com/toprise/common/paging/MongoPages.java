package com.toprise.common.paging;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;

/** One page of a filtered MongoDB query, with the total the page answer reports. */
public final class MongoPages {

    private MongoPages() {
    }

    public static <E> Page<E> find(MongoTemplate mongo, Query query, Class<E> type, PageQuery page) {
        Pageable pageable = page.toPageable();
        long total = mongo.count(query, type);
        List<E> items = mongo.find(Query.of(query).with(pageable), type);
        return new PageImpl<>(items, pageable, total);
    }
}
