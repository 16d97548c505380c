package com.toprise.topology.inventory;

import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderValidated.Allocation;
import com.toprise.schemas.events.OrderValidated.LineOutcome;
import com.toprise.schemas.events.OrderValidated.Rejection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides how an order's lines are filled from the dealers' available stock, on a working copy: nothing is changed
 * unless every line can be filled. A line takes from the dealer with the most available units first and spills
 * over to the next, so a line can be split between dealers; later lines see what earlier lines took.
 */
final class StockAllocator {

    private final Function<String, List<StockLevel>> dealersOfSku;
    /** Working copy of every level a line touched, by sku|dealerId. */
    private final Map<String, StockLevel> touched = new LinkedHashMap<>();

    StockAllocator(Function<String, List<StockLevel>> dealersOfSku) {
        this.dealersOfSku = dealersOfSku;
    }

    /** Outcomes in line order; when any has a rejection, {@link #changedLevels()} must not be applied. */
    List<LineOutcome> allocate(List<OrderCreated.Line> lines) {
        List<LineOutcome> outcomes = new ArrayList<>();
        for (OrderCreated.Line line : lines) {
            outcomes.add(allocate(line));
        }
        return outcomes;
    }

    /** The levels after the reservation, to write when every line was filled. */
    Map<String, StockLevel> changedLevels() {
        return touched;
    }

    private LineOutcome allocate(OrderCreated.Line line) {
        if (line.quantity() <= 0) {
            return new LineOutcome(line.sku(), line.quantity(), List.of(), Rejection.INVALID_QUANTITY, 0);
        }
        List<StockLevel> dealers = dealersOfSku.apply(line.sku()).stream()
                .map(level -> touched.getOrDefault(key(level), level))
                .sorted(Comparator.comparingLong(StockLevel::available).reversed().thenComparing(StockLevel::dealerId))
                .toList();
        if (dealers.isEmpty()) {
            return new LineOutcome(line.sku(), line.quantity(), List.of(), Rejection.UNKNOWN_SKU, 0);
        }
        long available = dealers.stream().mapToLong(StockLevel::available).sum();
        if (available < line.quantity()) {
            return new LineOutcome(line.sku(), line.quantity(), List.of(), Rejection.INSUFFICIENT_STOCK, available);
        }
        List<Allocation> allocations = new ArrayList<>();
        long remaining = line.quantity();
        for (StockLevel dealer : dealers) {
            long taken = Math.min(remaining, dealer.available());
            if (taken > 0) {
                allocations.add(new Allocation(dealer.dealerId(), (int) taken));
                touched.put(key(dealer), dealer.reserve(taken));
                remaining -= taken;
            }
            if (remaining == 0) {
                break;
            }
        }
        return new LineOutcome(line.sku(), line.quantity(), allocations, null, available);
    }

    static String key(StockLevel level) {
        return com.toprise.schemas.topics.Topics.inventoryKey(level.sku(), level.dealerId());
    }
}
