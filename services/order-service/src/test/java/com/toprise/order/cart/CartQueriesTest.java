package com.toprise.order.cart;

import com.toprise.common.events.NewestCopies;
import com.toprise.common.test.IndexedMongo;
import com.toprise.order.catalog.KnownProducts;
import com.toprise.order.delivery.Destination;
import com.toprise.order.order.Order;
import com.toprise.order.order.OrderIntake;
import com.toprise.order.order.OrderLine;
import com.toprise.order.order.OrderProperties;
import com.toprise.order.order.OrderState;
import com.toprise.order.order.Placement;
import com.toprise.schemas.events.ProductUpdated;
import com.toprise.schemas.events.ProductUpdated.ProductStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Every store operation of a cart (read, first write, versioned rewrite, checkout) on the indexed store. */
class CartQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("orders");

    private final OrderIntake intake = mock(OrderIntake.class);
    private Carts carts;

    @BeforeEach
    void carts() {
        OrderProperties properties = new OrderProperties("INR", Duration.ofHours(24), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofMillis(1));
        KnownProducts products = new KnownProducts(store.template(), new NewestCopies(store.template()), properties);
        products.remember(new ProductUpdated("p-1", "BRK-1", "Brake pad", "Bosch", "Brakes", "Pads", "Front",
                ProductStatus.LIVE, new BigDecimal("1499.00"), null), Instant.parse("2026-11-25T10:00:00Z"));
        carts = new Carts(store.template(), products, intake, properties);
    }

    @Test
    void aCartIsCreatedChangedAndCheckedOut() {
        assertThat(carts.setQuantity("asha", "BRK-1", 2).items()).hasSize(1);
        assertThat(carts.setQuantity("asha", "BRK-1", 3).items()).singleElement()
                .satisfies(item -> assertThat(item.quantity()).isEqualTo(3));
        assertThat(carts.remove("asha", "BRK-1").items()).isEmpty();
        carts.setQuantity("asha", "BRK-1", 1);

        Order placed = new Order("o-1", "asha", OrderState.CREATED, List.of(new OrderLine("BRK-1", "p-1",
                "Brake pad", 1, BigDecimal.ONE, BigDecimal.ONE, List.of(), null, null, List.of("brakes"))),
                BigDecimal.ONE, "INR", new Destination("addr-1", "560001", "Bengaluru", "Karnataka", "1 MG Road", null,
                "Asha", "+919800000001", null), List.of(), List.of(), "f", Instant.now(), Instant.now());
        when(intake.placedWith("asha", "key-00001")).thenReturn(Optional.empty());
        when(intake.place(eq("asha"), any(), eq("key-00001"))).thenReturn(new Placement(placed, false));
        carts.checkout("asha", new Checkout("addr-1"), "key-00001");

        assertThat(carts.view("asha").items()).isEmpty();
        carts.clear("asha");
    }
}
