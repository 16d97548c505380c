package com.toprise.order.order;

import com.toprise.common.access.Access;
import com.toprise.common.access.Action;
import com.toprise.common.access.Scope;
import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.common.web.ForbiddenException;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The visibility rule of orders without a database: what OWN covers for a customer (the orders it placed) and for
 * a dealer (the orders allocated to it), what ALL covers, and who may place an order.
 */
class OrdersInScopeTest {

    private static final Order ASHAS_AT_D1_AND_D2 = order("o-1", "asha", List.of("d-1", "d-2"));
    private static final Order RAVIS_AT_D2 = order("o-2", "ravi", List.of("d-2"));
    private static final Order RAVIS_UNCONFIRMED = order("o-3", "ravi", List.of());

    @Test
    void aDealersOwnOrdersAreThoseAllocatedToIt() {
        OrdersInScope d1 = OrdersInScope.of(access("d-1", "DEALER", Action.READ, Scope.OWN));
        assertThat(d1.covers(ASHAS_AT_D1_AND_D2)).isTrue();
        assertThat(d1.covers(RAVIS_AT_D2)).isFalse();
        assertThat(d1.covers(RAVIS_UNCONFIRMED)).isFalse();
        assertThat(d1.covers(order("o-4", "d-1", List.of()))).as("not as the buyer either").isFalse();
        assertThat(d1.covers(order("o-5", "ravi", null))).isFalse();
        assertThat(d1.criteria("ravi").getCriteriaObject())
                .as("a requested customer is ignored under OWN").isEqualTo(new Document("dealerIds", "d-1"));
    }

    @Test
    void aCustomersOwnOrdersAreThoseItPlaced() {
        OrdersInScope asha = OrdersInScope.of(access("asha", "CUSTOMER", Action.READ, Scope.OWN));
        assertThat(asha.covers(ASHAS_AT_D1_AND_D2)).isTrue();
        assertThat(asha.covers(RAVIS_AT_D2)).isFalse();
        assertThat(asha.criteria("ravi").getCriteriaObject()).isEqualTo(new Document("customerId", "asha"));
    }

    @Test
    void allCoversEveryOrderAndMayAskForOneCustomers() {
        for (String role : List.of("SUPER_ADMIN", "DEALER")) {
            OrdersInScope all = OrdersInScope.of(access("x", role, Action.READ, Scope.ALL));
            assertThat(all.covers(RAVIS_AT_D2)).isTrue();
            assertThat(all.covers(RAVIS_UNCONFIRMED)).isTrue();
            assertThat(all.criteria(null).getCriteriaObject()).isEqualTo(new Document());
            assertThat(all.criteria("ravi").getCriteriaObject()).isEqualTo(new Document("customerId", "ravi"));
        }
    }

    @Test
    void aDealerPlacesOrdersOnlyWithWriteAll() {
        assertThatThrownBy(() -> OrdersInScope.checkMayPlace(access("d-1", "DEALER", Action.WRITE, Scope.OWN)))
                .isInstanceOf(ForbiddenException.class);
        assertThatCode(() -> OrdersInScope.checkMayPlace(access("d-1", "DEALER", Action.WRITE, Scope.ALL)))
                .doesNotThrowAnyException();
    }

    @Test
    void aCustomerAndStaffWithWriteStillPlaceOrders() {
        assertThatCode(() -> OrdersInScope.checkMayPlace(access("asha", "CUSTOMER", Action.WRITE, Scope.OWN)))
                .doesNotThrowAnyException();
        assertThatCode(() -> OrdersInScope.checkMayPlace(access("f-1", "FULFILLMENT_ADMIN", Action.WRITE, Scope.ALL)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OrdersInScope.checkMayPlace(access("e-1", "EMPLOYEE", Action.WRITE, Scope.NONE)))
                .isInstanceOf(ForbiddenException.class);
    }

    private static Access access(String userId, String role, Action action, Scope scope) {
        return new Access(new Identity(userId, role), "orders", action, scope);
    }

    static Order order(String id, String customerId, List<String> dealerIds) {
        return OrderFixtures.in(dealerIds == null || dealerIds.isEmpty() ? OrderState.CREATED : OrderState.CONFIRMED,
                id, customerId, OrderFixtures.T, dealerIds);
    }
}
