package com.toprise.product.inventory;

import com.toprise.common.access.Access;

import java.util.List;
import java.util.Optional;

/**
 * One SKU's on-hand, reserved and available units over its dealers, as the inventory topology holds them (the
 * reservations of orders are there, not in this service's stock documents). {@code available} sums the dealers'.
 */
record InventoryAvailability(String sku, long onHand, long reserved, long available, List<DealerAvailability> dealers) {

    record DealerAvailability(String dealerId, long onHand, long reserved, long available) {
    }

    /** What the caller may see: every dealer with scope ALL, its own row only with OWN (a dealer); empty if none. */
    Optional<InventoryAvailability> visibleTo(Access access) {
        List<DealerAvailability> visible = access.seesAll() ? dealers
                : dealers.stream().filter(d -> d.dealerId().equals(access.userId())).toList();
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InventoryAvailability(sku,
                visible.stream().mapToLong(DealerAvailability::onHand).sum(),
                visible.stream().mapToLong(DealerAvailability::reserved).sum(),
                visible.stream().mapToLong(DealerAvailability::available).sum(), visible));
    }
}
