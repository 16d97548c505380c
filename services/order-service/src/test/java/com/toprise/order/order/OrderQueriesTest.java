package com.toprise.order.order;

import com.toprise.common.access.Access;
import com.toprise.common.access.Action;
import com.toprise.common.access.Scope;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.common.test.IndexedMongo;
import com.toprise.schemas.events.OrderValidated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Sort.Direction;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read of the order list as OrderSearch builds it (each filter alone and together, in each scope: all, a
 * customer's own, a dealer's allocated ones; the default sort and the sort by status) and the validation's read and conditional write, on the indexed store: the class
 * fails when one of them has no declared index.
 */
class OrderQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("orders");

    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    private static final Access ADMIN = access("admin", Scope.ALL);
    private static final Access ASHA = access("asha", Scope.OWN);
    private static final Access DEALER = new Access(new Identity("d-1", "DEALER"), "orders", Action.READ, Scope.OWN);

    private OrderSearch search;

    @BeforeEach
    void orders() {
        search = new OrderSearch(store.template());
        store.template().insert(order("o-1", "asha", OrderState.CREATED, T));
        store.template().insert(order("o-2", "asha", OrderState.CONFIRMED, T.plusSeconds(60), "d-1", "d-2"));
        store.template().insert(order("o-3", "ravi", OrderState.CREATED, T.plusSeconds(120)));
    }

    @Test
    void aCustomerSeesOwnOrdersNewestFirstWithEveryFilter() {
        assertThat(ids(ASHA, new OrderFilter(null, null, null, "ravi"), byCreatedAt())).containsExactly("o-2", "o-1");
        assertThat(ids(ASHA, new OrderFilter(OrderState.CREATED, null, null, null), byCreatedAt()))
                .containsExactly("o-1");
        assertThat(ids(ASHA, new OrderFilter(null, T.plusSeconds(30), T.plusSeconds(90), null), byCreatedAt()))
                .containsExactly("o-2");
        assertThat(ids(ASHA, new OrderFilter(OrderState.CONFIRMED, T, T.plusSeconds(90), null), byCreatedAt()))
                .containsExactly("o-2");
        assertThat(ids(ASHA, new OrderFilter(null, null, null, null), byStatus())).containsExactly("o-2", "o-1");
    }

    @Test
    void anAdminListsEveryOrderOrOneCustomersOrOneStatus() {
        assertThat(ids(ADMIN, new OrderFilter(null, null, null, null), byCreatedAt()))
                .containsExactly("o-3", "o-2", "o-1");
        assertThat(ids(ADMIN, new OrderFilter(null, T.plusSeconds(30), null, null), byCreatedAt()))
                .containsExactly("o-3", "o-2");
        assertThat(ids(ADMIN, new OrderFilter(OrderState.CREATED, null, T.plusSeconds(200), null), byCreatedAt()))
                .containsExactly("o-3", "o-1");
        assertThat(ids(ADMIN, new OrderFilter(null, null, null, "ravi"), byCreatedAt())).containsExactly("o-3");
        assertThat(ids(ADMIN, new OrderFilter(OrderState.CREATED, null, null, "asha"), byCreatedAt()))
                .containsExactly("o-1");
        assertThat(ids(ADMIN, new OrderFilter(null, null, null, null), byStatus())).hasSize(3);
        assertThat(ids(ADMIN, new OrderFilter(OrderState.CREATED, null, null, null), byStatus())).hasSize(2);
        assertThat(search.find("o-3")).isPresent();
    }

    @Test
    void aDealerSeesTheOrdersAllocatedToItWithEveryFilter() {
        assertThat(ids(DEALER, new OrderFilter(null, null, null, "ravi"), byCreatedAt())).containsExactly("o-2");
        assertThat(ids(DEALER, new OrderFilter(OrderState.CONFIRMED, null, null, null), byCreatedAt()))
                .containsExactly("o-2");
        assertThat(ids(DEALER, new OrderFilter(OrderState.CONFIRMED, T, T.plusSeconds(90), null), byCreatedAt()))
                .containsExactly("o-2");
        assertThat(ids(DEALER, new OrderFilter(null, T.plusSeconds(90), null, null), byCreatedAt())).isEmpty();
        assertThat(ids(DEALER, new OrderFilter(null, null, null, null), byStatus())).containsExactly("o-2");
    }

    @Test
    void aVerdictMovesOnlyACreatedOrder() {
        OrderValidations validations = new OrderValidations(store.template(), new OutboxWriter(store.template()));
        OrderValidated confirmed = new OrderValidated("o-1", OrderValidated.Result.CONFIRMED, List.of(), List.of());
        assertThat(validations.apply(List.of(confirmed, new OrderValidated("o-2", OrderValidated.Result.CONFIRMED,
                List.of(), List.of())))).isEqualTo(1);
        assertThat(validations.apply(confirmed)).isFalse();
    }

    private List<String> ids(Access access, OrderFilter filter, PageQuery page) {
        return search.list(filter, access, page).items().stream().map(Order::id).toList();
    }

    private static PageQuery byCreatedAt() {
        return new PageQuery(0, 20, "createdAt", Direction.DESC);
    }

    private static PageQuery byStatus() {
        return new PageQuery(0, 20, "status", Direction.ASC);
    }

    private static Access access(String userId, Scope scope) {
        return new Access(new Identity(userId, scope == Scope.ALL ? "SUPER_ADMIN" : "CUSTOMER"), "orders",
                Action.READ, scope);
    }

    private static Order order(String id, String customerId, OrderState status, Instant at, String... dealerIds) {
        return OrderFixtures.in(status, id, customerId, at, List.of(dealerIds));
    }
}
