package com.toprise.product.inventory;

import com.toprise.common.access.Access;
import com.toprise.common.access.Action;
import com.toprise.common.access.Scope;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.common.test.IndexedMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Sort.Direction;

import static org.assertj.core.api.Assertions.assertThat;

/** The stock list by SKU, by dealer, both and neither, in each sort and scope, and a read, on the indexed store. */
class StockQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("products");

    private static final Access ADMIN = new Access(new Identity("admin", "INVENTORY_ADMIN"), "inventory",
            Action.READ, Scope.ALL);
    private static final Access DEALER = new Access(new Identity("d-1", "DEALER"), "inventory", Action.READ,
            Scope.OWN);

    private StockController controller;

    @BeforeEach
    void stock() {
        StockLedger ledger = new StockLedger(store.template(), new OutboxWriter(store.template()), sku -> true);
        controller = new StockController(ledger, store.template());
        controller.adjust(new NewAdjustment("BRK-1", "d-1", 5L, "delivery"), ADMIN);
        controller.adjust(new NewAdjustment("BRK-1", "d-2", 3L, "delivery"), ADMIN);
        controller.adjust(new NewAdjustment("OIL-1", "d-1", 9L, "delivery"), ADMIN);
    }

    @Test
    void stockIsListedByEveryFilterAndSort() {
        for (String field : new String[] {"sku", "dealerId", "onHand"}) {
            PageQuery page = new PageQuery(0, 20, field, Direction.ASC);
            assertThat(controller.list(null, null, page, ADMIN).items()).hasSize(3);
            assertThat(controller.list("BRK-1", null, page, ADMIN).items()).hasSize(2);
            assertThat(controller.list(null, "d-1", page, ADMIN).items()).hasSize(2);
            assertThat(controller.list("BRK-1", "d-2", page, ADMIN).items()).hasSize(1);
            assertThat(controller.list(null, "d-2", page, DEALER).items()).hasSize(2);
            assertThat(controller.list("OIL-1", null, page, DEALER).items()).hasSize(1);
        }
        assertThat(controller.get("BRK-1", "d-1", DEALER).onHand()).isEqualTo(5);
    }
}
