package com.toprise.common.test;

import com.toprise.common.mongo.CollectionIndexes;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.toprise.common.mongo.IndexKey.asc;
import static com.toprise.common.mongo.IndexKey.desc;
import static org.assertj.core.api.Assertions.assertThat;

/** The equality-sort-range rule on commands as the driver sends them. */
class IndexCoverageTest {

    private static final CollectionIndexes ORDERS = CollectionIndexes.of("orders")
            .index("a customer's orders", asc("customerId"), desc("createdAt"))
            .index("by status", asc("status"), desc("createdAt"))
            .unique("by number", asc("number"));
    private static final CollectionIndexes ADDRESSES = CollectionIndexes.of("addresses")
            .index("a user's addresses", asc("userId"), desc("createdAt"))
            .bounded("userId", "at most 20 per user");

    @Test
    void equalityThenSortThenRangeIsServedInEitherDirection() {
        assertThat(problems("{find: 'orders', filter: {customerId: 'c', createdAt: {$gte: 1, $lt: 2}},"
                + " sort: {createdAt: -1}}")).isEmpty();
        assertThat(problems("{find: 'orders', filter: {customerId: 'c'}, sort: {createdAt: 1}}")).isEmpty();
        assertThat(problems("{find: 'orders', filter: {status: {$in: ['A', 'B']}}, sort: {createdAt: -1}}")).isEmpty();
        assertThat(problems("{aggregate: 'orders', pipeline: [{$match: {customerId: 'c'}}, {$group: {_id: 1}}]}"))
                .isEmpty();
    }

    @Test
    void aSortOrAnEqualityTheIndexDoesNotStartWithIsNotServed() {
        assertThat(problems("{find: 'orders', filter: {customerId: 'c'}, sort: {totalAmount: -1}}")).hasSize(1);
        assertThat(problems("{find: 'orders', filter: {customerId: 'c', status: 'A'}, sort: {createdAt: -1}}"))
                .hasSize(1);
        assertThat(problems("{find: 'orders', filter: {}, sort: {createdAt: -1}}")).hasSize(1);
        assertThat(problems("{count: 'orders', query: {createdAt: {$gt: 1}}}")).hasSize(1);
        assertThat(problems("{update: 'orders', updates: [{q: {_id: 'o'}, u: {}}, {q: {dealerId: 'd'}, u: {}}]}"))
                .hasSize(1);
    }

    @Test
    void pointReadsWholeReadsAndBoundedSelectionsNeedNoMore() {
        assertThat(problems("{find: 'orders', filter: {_id: 'o', status: 'CREATED'}, sort: {updatedAt: 1}}")).isEmpty();
        assertThat(problems("{find: 'orders', filter: {number: 7, status: 'X'}}")).isEmpty();
        assertThat(problems("{find: 'orders', filter: {}}")).isEmpty();
        assertThat(problems("{find: 'addresses', filter: {userId: 'u'}, sort: {city: 1}}")).isEmpty();
        assertThat(problems("{find: 'orders', filter: {_id: 'o', $or: [{v: {$lt: 3}}, {v: {$exists: false}}]}}"))
                .isEmpty();
    }

    @Test
    void eachBranchOfAnOrNeedsItsOwnIndex() {
        assertThat(problems("{find: 'orders', filter: {$or: [{customerId: 'c'}, {status: 'A'}]}}")).isEmpty();
        assertThat(problems("{find: 'orders', filter: {$or: [{customerId: 'c'}, {dealerId: 'd'}]}}")).hasSize(1);
    }

    @Test
    void aCollectionWithoutDeclarationIsNeverServed() {
        assertThat(problems("{find: 'carts', filter: {_id: 'c'}}")).singleElement().asString()
                .contains("has no IndexDeclaration");
    }

    private static List<String> problems(String json) {
        BsonDocument command = BsonDocument.parse(json);
        return IndexCoverage.violations(QueryShape.of(command.getFirstKey(), command, "test"),
                Map.of("orders", ORDERS, "addresses", ADDRESSES));
    }
}
