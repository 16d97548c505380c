package com.toprise.topology.inventory;

import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.OrderValidated.Allocation;
import com.toprise.schemas.events.OrderValidated.LineOutcome;
import com.toprise.schemas.events.OrderValidated.Rejection;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.schemas.topics.Topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The one rule that decides which dealers fill an order's lines, and so whose stock is reserved: the assignment and
 * the reservation are the same decision and cannot disagree.
 *
 * <p>A dealer is eligible for a line when it is known (a DEALER_UPDATED reached the topology) and active, serves the
 * delivery (see {@link DealerProfile#serves}), carries the line's category, has not been tried for these lines
 * already, and has units available. Eligible dealers rank nearest first (a dealer whose distance is unknown after
 * every known one), then least loaded (fewest open fulfilments), then most units available, then by dealerId so the
 * order is total. A line goes whole to the first ranked dealer that can fill it alone; only when none can is it
 * split, taking from the ranked dealers in turn. Loads are those before this assignment: lines of one order are not
 * pushed apart by the shares the same order is about to open.
 *
 * <p>Works on a copy of the stock levels: later lines see what earlier ones took, and nothing is written until the
 * caller applies {@link #changedLevels()}. A line that cannot be filled takes nothing.
 */
final class DealerAssignment {

    /** Where the order goes; {@code location} null when the address has no known point. */
    record Delivery(String pincode, GeoPoint location) {
    }

    /** Units of one SKU to place, with the product's category path (null or empty: any dealer carries it). */
    record Demand(String sku, int quantity, List<String> categories) {
    }

    /** What one dealer is given of the lines assigned: it becomes that dealer's share. */
    record Placement(String dealerId, List<FulfilmentShare.Line> lines) {
    }

    private record Candidate(StockLevel level, OptionalDouble distanceKm, long openFulfilments) {

        long available() {
            return level.available();
        }
    }

    private static final Comparator<Candidate> RANKING = Comparator
            .comparing((Candidate c) -> c.distanceKm().isEmpty())
            .thenComparingDouble(c -> c.distanceKm().orElse(0))
            .thenComparingLong(Candidate::openFulfilments)
            .thenComparing(Comparator.comparingLong(Candidate::available).reversed())
            .thenComparing(c -> c.level().dealerId());

    private final Function<String, List<StockLevel>> holdersOfSku;
    private final Function<String, DealerProfile> profiles;
    private final ToLongFunction<String> openFulfilments;
    private final Delivery delivery;
    private final Set<String> excluded;
    /** Working copy of every level a line took from, by sku|dealerId. */
    private final Map<String, StockLevel> touched = new LinkedHashMap<>();

    /**
     * @param holdersOfSku    every dealer's stock level of a SKU
     * @param profiles        a dealer's profile, null for a dealer the topology has not heard of
     * @param openFulfilments a dealer's open shares
     * @param excluded        dealers already tried for these lines
     */
    DealerAssignment(Function<String, List<StockLevel>> holdersOfSku, Function<String, DealerProfile> profiles,
                     ToLongFunction<String> openFulfilments, Delivery delivery, Set<String> excluded) {
        this.holdersOfSku = holdersOfSku;
        this.profiles = profiles;
        this.openFulfilments = openFulfilments;
        this.delivery = delivery;
        this.excluded = Set.copyOf(excluded);
    }

    /** Outcomes in line order; with any rejection among them, an all-or-nothing caller applies nothing. */
    List<LineOutcome> assign(List<Demand> lines) {
        return lines.stream().map(this::assign).toList();
    }

    /** The levels after the lines that could be filled, to write when the caller keeps the assignment. */
    Map<String, StockLevel> changedLevels() {
        return touched;
    }

    LineOutcome assign(Demand line) {
        if (line.quantity() <= 0) {
            return rejected(line, Rejection.INVALID_QUANTITY, 0);
        }
        List<StockLevel> holders = holdersOfSku.apply(line.sku());
        if (holders.isEmpty()) {
            return rejected(line, Rejection.UNKNOWN_SKU, 0);
        }
        List<Candidate> eligible = holders.stream()
                .map(level -> touched.getOrDefault(key(level), level))
                .map(level -> candidate(level, line))
                .flatMap(Optional::stream)
                .sorted(RANKING)
                .toList();
        if (eligible.isEmpty()) {
            return rejected(line, Rejection.NO_ELIGIBLE_DEALER, 0);
        }
        long available = eligible.stream().mapToLong(Candidate::available).sum();
        if (available < line.quantity()) {
            return rejected(line, Rejection.INSUFFICIENT_STOCK, available);
        }
        List<Candidate> takers = eligible.stream().filter(c -> c.available() >= line.quantity()).findFirst()
                .map(List::of).orElse(eligible);
        List<Allocation> allocations = new ArrayList<>();
        long remaining = line.quantity();
        for (Candidate taker : takers) {
            long taken = Math.min(remaining, taker.available());
            if (taken > 0) {
                allocations.add(new Allocation(taker.level().dealerId(), (int) taken));
                touched.put(key(taker.level()), taker.level().reserve(taken));
                remaining -= taken;
            }
            if (remaining == 0) {
                break;
            }
        }
        return new LineOutcome(line.sku(), line.quantity(), allocations, null, available);
    }

    /**
     * The filled lines grouped by dealer, in the order dealers first appear; one dealer's units of one SKU make one
     * line even when the order named the SKU twice.
     */
    static List<Placement> placements(List<LineOutcome> outcomes) {
        Map<String, Map<String, Integer>> byDealer = new LinkedHashMap<>();
        for (LineOutcome outcome : outcomes) {
            for (Allocation allocation : outcome.allocations()) {
                byDealer.computeIfAbsent(allocation.dealerId(), d -> new LinkedHashMap<>())
                        .merge(outcome.sku(), allocation.quantity(), Integer::sum);
            }
        }
        return byDealer.entrySet().stream().map(dealer -> new Placement(dealer.getKey(),
                dealer.getValue().entrySet().stream()
                        .map(sku -> new FulfilmentShare.Line(sku.getKey(), sku.getValue())).toList())).toList();
    }

    /** The dealer as a candidate for the line when it is eligible but for its units; empty otherwise. */
    private Optional<Candidate> candidate(StockLevel level, Demand line) {
        DealerProfile profile = profiles.apply(level.dealerId());
        if (profile == null || !profile.active() || excluded.contains(level.dealerId())
                || !profile.serves(delivery.pincode(), delivery.location()) || !profile.carries(line.categories())) {
            return Optional.empty();
        }
        return Optional.of(new Candidate(level, profile.distanceKm(delivery.location()),
                openFulfilments.applyAsLong(level.dealerId())));
    }

    private static LineOutcome rejected(Demand line, Rejection rejection, long available) {
        return new LineOutcome(line.sku(), line.quantity(), List.of(), rejection, available);
    }

    static String key(StockLevel level) {
        return Topics.inventoryKey(level.sku(), level.dealerId());
    }
}
