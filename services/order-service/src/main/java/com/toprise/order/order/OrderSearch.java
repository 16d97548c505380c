package com.toprise.order.order;

import com.toprise.common.access.Access;
import com.toprise.common.paging.MongoPages;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads of orders from this service's own database: one order, or a filtered page, each limited to the orders the
 * caller's scope covers ({@link OrdersInScope}).
 */
@Component
class OrderSearch {

    private final MongoTemplate mongo;

    OrderSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Order> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Order.class));
    }

    /** The order if the caller's scope covers it; someone else's is empty, like a missing one. */
    Optional<Order> find(String id, Access access) {
        OrdersInScope scope = OrdersInScope.of(access);
        return find(id).filter(scope::covers);
    }

    /**
     * Under OWN a customer sees only the orders it placed and a dealer only those allocated to it, whatever
     * customerId they ask for.
     */
    PageResponse<Order> list(OrderFilter filter, Access access, PageQuery page) {
        Criteria criteria = OrdersInScope.of(access).criteria(filter.customerId());
        if (filter.status() != null) {
            criteria.and("status").is(filter.status());
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria createdAt = criteria.and("createdAt");
            if (filter.from() != null) {
                createdAt.gte(filter.from());
            }
            if (filter.to() != null) {
                createdAt.lt(filter.to());
            }
        }
        return PageResponse.of(MongoPages.find(mongo, Query.query(criteria), Order.class, page), o -> o);
    }
}
