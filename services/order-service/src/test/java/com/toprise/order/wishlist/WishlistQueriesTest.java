package com.toprise.order.wishlist;

import com.toprise.common.events.NewestCopies;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.test.IndexedMongo;
import com.toprise.order.catalog.KnownProducts;
import com.toprise.order.order.OrderProperties;
import com.toprise.schemas.events.ProductUpdated;
import com.toprise.schemas.events.ProductUpdated.ProductStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Sort.Direction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Every store operation of a wishlist (both sorts of the list, the count, put and remove) on the indexed store. */
class WishlistQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("orders");

    private Wishlists wishlists;

    @BeforeEach
    void wishlists() {
        OrderProperties properties = new OrderProperties("INR", Duration.ofHours(24), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofMillis(1));
        KnownProducts products = new KnownProducts(store.template(), new NewestCopies(store.template()), properties);
        for (String sku : new String[] {"BRK-1", "OIL-1"}) {
            products.remember(new ProductUpdated("p-" + sku, sku, sku, "Bosch", "Brakes", "Pads", "Front",
                    ProductStatus.LIVE, BigDecimal.TEN, null), Instant.parse("2026-11-25T10:00:00Z"));
        }
        wishlists = new Wishlists(store.template(), products);
    }

    @Test
    void itemsAreKeptListedByEitherSortAndRemoved() {
        wishlists.put("asha", "OIL-1", null);
        wishlists.put("asha", "BRK-1", "for the Swift");
        wishlists.put("asha", "BRK-1", "for the Swift, front");

        assertThat(wishlists.list("asha", new PageQuery(0, 20, "addedAt", Direction.DESC)).items()).hasSize(2);
        assertThat(wishlists.list("asha", new PageQuery(0, 20, "sku", Direction.ASC)).items())
                .extracting(WishlistView::sku).containsExactly("BRK-1", "OIL-1");
        wishlists.remove("asha", "OIL-1");
        assertThat(wishlists.list("asha", new PageQuery(0, 20, "addedAt", Direction.DESC)).totalItems()).isEqualTo(1);
    }
}
