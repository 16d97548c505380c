package com.toprise.order.fulfilment;

import com.toprise.order.order.OrderState;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule by which an order's status follows its fulfilments. Only live fulfilments count (not DECLINED,
 * EXPIRED or CANCELLED: their lines went elsewhere or stopped), and a line counts as far as the fulfilments holding
 * its units have come, all its units together:
 * <ul>
 *   <li>DELIVERED when every unit of every line is in a DELIVERED fulfilment;</li>
 *   <li>SHIPPED as soon as one fulfilment has shipped (the customer's parcel is on its way);</li>
 *   <li>PACKED when every unit is in a PACKED (or later) fulfilment;</li>
 *   <li>ASSIGNED when every unit is in an ACCEPTED (or later) fulfilment;</li>
 *   <li>else nothing: the order stays where it is (CONFIRMED while a share is offered or waits for an admin).</li>
 * </ul>
 * The furthest status that holds is the answer; the order's own table takes it there through the steps it skipped
 * and ignores an answer it has already passed, so the rule may be asked after every change, twice, or late.
 */
public final class OrderFollowsFulfilments {

    private static final Map<FulfilmentStatus, Integer> PROGRESS = new EnumMap<>(Map.of(
            FulfilmentStatus.OFFERED, 0, FulfilmentStatus.ACCEPTED, 1, FulfilmentStatus.PACKED, 2,
            FulfilmentStatus.SHIPPED, 3, FulfilmentStatus.DELIVERED, 4));

    private OrderFollowsFulfilments() {
    }

    /**
     * @param ordered units per SKU of the whole order
     * @return the status the order should be in, if its fulfilments decide one
     */
    public static Optional<OrderState> target(Map<String, Integer> ordered, List<Fulfilment> fulfilments) {
        List<Fulfilment> live = fulfilments.stream().filter(f -> PROGRESS.containsKey(f.status())).toList();
        if (ordered.isEmpty() || live.isEmpty()) {
            return Optional.empty();
        }
        if (allUnitsAtLeast(4, ordered, live)) {
            return Optional.of(OrderState.DELIVERED);
        }
        if (live.stream().anyMatch(f -> PROGRESS.get(f.status()) >= 3)) {
            return Optional.of(OrderState.SHIPPED);
        }
        if (allUnitsAtLeast(2, ordered, live)) {
            return Optional.of(OrderState.PACKED);
        }
        if (allUnitsAtLeast(1, ordered, live)) {
            return Optional.of(OrderState.ASSIGNED);
        }
        return Optional.empty();
    }

    private static boolean allUnitsAtLeast(int progress, Map<String, Integer> ordered, List<Fulfilment> live) {
        Map<String, Integer> units = new HashMap<>();
        live.stream().filter(f -> PROGRESS.get(f.status()) >= progress).flatMap(f -> f.lines().stream())
                .forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
        return ordered.entrySet().stream().allMatch(e -> units.getOrDefault(e.getKey(), 0) >= e.getValue());
    }
}
