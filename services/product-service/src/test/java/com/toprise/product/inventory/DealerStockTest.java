package com.toprise.product.inventory;

import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.serde.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figure product-service publishes states only what it owns: with units reserved for orders (which only the
 * inventory topology knows), an event claiming "0 reserved, all available" would tell subscribers a wrong available.
 */
class DealerStockTest {

    @Test
    void anAdjustmentPublishesOnHandAndLeavesReservedAndAvailableOut() {
        DealerStock stock = DealerStock.empty("BRK-1", "d-1")
                .adjusted(new DealerStock.Adjustment(10, "opening count", "u-admin", "INVENTORY_ADMIN",
                        Instant.parse("2026-11-25T10:00:00Z"), 10, null))
                .adjusted(new DealerStock.Adjustment(-3, "damaged", "u-dealer", "DEALER",
                        Instant.parse("2026-11-25T11:00:00Z"), 7, null));

        InventoryChanged event = stock.asEvent(-3);

        assertThat(event).isEqualTo(InventoryChanged.stockFigure("BRK-1", "d-1", 7, -3,
                InventoryChanged.Reason.ADJUSTMENT));
        assertThat(event.reserved()).isNull();
        assertThat(event.available()).isNull();
        assertThat(Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(event)).properties()).extracting(e -> e.getKey())
                .as("no made-up figure on the wire").doesNotContain("reserved", "available")
                .containsAll(List.of("sku", "dealerId", "onHand", "delta", "reason"));
    }
}
