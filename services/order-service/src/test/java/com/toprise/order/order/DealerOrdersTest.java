package com.toprise.order.order;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.toprise.common.access.Access;
import com.toprise.common.access.Action;
import com.toprise.common.access.Scope;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.events.OrderValidated.Allocation;
import com.toprise.schemas.events.OrderValidated.LineOutcome;
import com.toprise.schemas.events.OrderValidated.Rejection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dealer's orders on the store, with the allocations written as the CONFIRMED verdict writes them: the list
 * holds only the orders with a line allocated to the dealer, a single read of any other is empty, and a customer
 * still sees exactly the orders it placed.
 */
class DealerOrdersTest {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private OrderSearch search;

    @BeforeEach
    void orders() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoTemplate mongo = new MongoTemplate(client, "orders");
        OutboxWriter outbox = new OutboxWriter(mongo);
        search = new OrderSearch(mongo);
        for (String[] o : new String[][] {{"o-1", "asha"}, {"o-2", "asha"}, {"o-3", "ravi"}, {"o-4", "ravi"},
                {"o-5", "ravi"}}) {
            Order order = OrderFixtures.created(o[0], o[1], T.plusSeconds(60L * Integer.parseInt(o[0].substring(2))));
            outbox.insert(order, order.createdEvent());
        }
        OrderValidations validations = new OrderValidations(mongo, outbox);
        // o-1: its line split across d-1 and d-2; o-2 only at d-2; o-3 only at d-1; o-4 rejected; o-5 still CREATED
        validations.apply(List.of(
                confirmed("o-1", new Allocation("d-1", 1), new Allocation("d-2", 1)),
                confirmed("o-2", new Allocation("d-2", 2)),
                confirmed("o-3", new Allocation("d-1", 2)),
                new OrderValidated("o-4", OrderValidated.Result.REJECTED, List.of(
                        new LineOutcome("BRK-1", 2, List.of(), Rejection.INSUFFICIENT_STOCK, 1)), List.of())));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aDealersListHoldsOnlyTheOrdersAllocatedToIt() {
        assertThat(ids(dealer("d-1"), new OrderFilter(null, null, null, null))).containsExactly("o-3", "o-1");
        assertThat(ids(dealer("d-2"), new OrderFilter(null, null, null, null))).containsExactly("o-2", "o-1");
        assertThat(ids(dealer("d-1"), new OrderFilter(null, null, null, "asha")))
                .as("asking for one customer's orders does not widen OWN").containsExactly("o-3", "o-1");
        assertThat(ids(dealer("d-1"), new OrderFilter(OrderState.CONFIRMED, T, T.plusSeconds(150), null)))
                .containsExactly("o-1");
        assertThat(ids(dealer("d-9"), new OrderFilter(null, null, null, null))).isEmpty();
    }

    @Test
    void aDealersSingleReadOfAnotherOrderIsEmpty() {
        assertThat(search.find("o-3", dealer("d-1"))).get().extracting(Order::dealerIds).isEqualTo(List.of("d-1"));
        assertThat(search.find("o-1", dealer("d-1"))).isPresent();
        assertThat(search.find("o-2", dealer("d-1"))).as("allocated to d-2 only").isEmpty();
        assertThat(search.find("o-4", dealer("d-1"))).as("rejected, nothing held").isEmpty();
        assertThat(search.find("o-5", dealer("d-1"))).as("not validated yet").isEmpty();
    }

    @Test
    void aCustomersViewIsUnchanged() {
        assertThat(ids(customer("ravi"), new OrderFilter(null, null, null, "asha")))
                .containsExactly("o-5", "o-4", "o-3");
        assertThat(search.find("o-1", customer("asha"))).isPresent();
        assertThat(search.find("o-3", customer("asha"))).isEmpty();
        Access admin = new Access(new Identity("admin", "SUPER_ADMIN"), "orders", Action.READ, Scope.ALL);
        assertThat(ids(admin, new OrderFilter(null, null, null, null))).hasSize(5);
        assertThat(search.find("o-2", admin)).isPresent();
    }

    private List<String> ids(Access access, OrderFilter filter) {
        return search.list(filter, access, new PageQuery(0, 20, "createdAt", Direction.DESC)).items().stream()
                .map(Order::id).toList();
    }

    private static Access dealer(String id) {
        return new Access(new Identity(id, "DEALER"), "orders", Action.READ, Scope.OWN);
    }

    private static Access customer(String id) {
        return new Access(new Identity(id, "CUSTOMER"), "orders", Action.READ, Scope.OWN);
    }

    private static OrderValidated confirmed(String orderId, Allocation... allocations) {
        return new OrderValidated(orderId, OrderValidated.Result.CONFIRMED,
                List.of(new LineOutcome("BRK-1", 2, List.of(allocations), null, 10)), List.of());
    }
}
