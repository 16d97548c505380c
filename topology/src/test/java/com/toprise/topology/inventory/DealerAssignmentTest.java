package com.toprise.topology.inventory;

import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.OrderValidated.Allocation;
import com.toprise.schemas.events.OrderValidated.LineOutcome;
import com.toprise.schemas.events.OrderValidated.Rejection;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.topology.inventory.DealerAssignment.Delivery;
import com.toprise.topology.inventory.DealerAssignment.Demand;
import com.toprise.topology.inventory.DealerAssignment.Placement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The assignment rule as tables, without Kafka: eligibility by each criterion, the ranking, splitting, rejections. */
class DealerAssignmentTest {

    private static final String SKU = "BRK-PAD-001";
    private static final String PINCODE = "560001";
    private static final GeoPoint DELIVERY = new GeoPoint(12.9756, 77.6050);
    private static final Delivery TO_PINCODE_AND_POINT = new Delivery(PINCODE, DELIVERY);
    private static final List<String> BRAKE_PADS = List.of("brakes", "brakes-brake-pads");

    /** A point about {@code km} north of the delivery point (one degree of latitude is about 111 km). */
    private static GeoPoint kmAway(double km) {
        return new GeoPoint(DELIVERY.latitude() + km / 111.2, DELIVERY.longitude());
    }

    private static DealerProfile dealer(String id, boolean active, List<String> categories, List<String> pincodes,
                                        GeoPoint at, Double radiusKm) {
        return new DealerProfile(id, active, categories, pincodes, at, radiusKm, null);
    }

    /** Active, carrying brake pads, serving the pincode by list, at {@code km} from the delivery point. */
    private static DealerProfile listed(String id, Double km) {
        return dealer(id, true, List.of("brakes-brake-pads"), List.of(PINCODE), km == null ? null : kmAway(km), null);
    }

    static Stream<Arguments> eligibility() {
        DealerProfile base = listed("d-x", 3.0);
        return Stream.of(
                arguments("listed pincode", base, TO_PINCODE_AND_POINT, BRAKE_PADS, Set.of(), null),
                arguments("inactive", dealer("d-x", false, base.categories(), base.servicePincodes(),
                        base.location(), null), TO_PINCODE_AND_POINT, BRAKE_PADS, Set.of(),
                        Rejection.NO_ELIGIBLE_DEALER),
                arguments("unknown: no DEALER_UPDATED", null, TO_PINCODE_AND_POINT, BRAKE_PADS, Set.of(),
                        Rejection.NO_ELIGIBLE_DEALER),
                arguments("within the radius, pincode not listed", dealer("d-x", true, base.categories(), List.of(),
                        kmAway(5), 10.0), TO_PINCODE_AND_POINT, BRAKE_PADS, Set.of(), null),
                arguments("outside the radius, pincode not listed", dealer("d-x", true, base.categories(), List.of(),
                        kmAway(5), 2.0), TO_PINCODE_AND_POINT, BRAKE_PADS, Set.of(), Rejection.NO_ELIGIBLE_DEALER),
                arguments("radius, but the delivery has no point", dealer("d-x", true, base.categories(), List.of(),
                        kmAway(5), 50.0), new Delivery(PINCODE, null), BRAKE_PADS, Set.of(),
                        Rejection.NO_ELIGIBLE_DEALER),
                arguments("radius, but the dealer has no location", dealer("d-x", true, base.categories(), List.of(),
                        null, 50.0), TO_PINCODE_AND_POINT, BRAKE_PADS, Set.of(), Rejection.NO_ELIGIBLE_DEALER),
                arguments("carries a category on the path", base, TO_PINCODE_AND_POINT, BRAKE_PADS, Set.of(), null),
                arguments("carries none of the path", dealer("d-x", true, List.of("engine"), List.of(PINCODE),
                        kmAway(3), null), TO_PINCODE_AND_POINT, BRAKE_PADS, Set.of(), Rejection.NO_ELIGIBLE_DEALER),
                arguments("line without categories: any dealer", dealer("d-x", true, List.of("engine"),
                        List.of(PINCODE), kmAway(3), null), TO_PINCODE_AND_POINT, null, Set.of(), null),
                arguments("line with empty categories: any dealer", dealer("d-x", true, List.of(), List.of(PINCODE),
                        null, null), TO_PINCODE_AND_POINT, List.of(), Set.of(), null),
                arguments("tried already", base, TO_PINCODE_AND_POINT, BRAKE_PADS, Set.of("d-x"),
                        Rejection.NO_ELIGIBLE_DEALER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eligibility")
    void aDealerIsEligibleOnlyWhenEveryCriterionHolds(String situation, DealerProfile profile, Delivery delivery,
                                                      List<String> categories, Set<String> excluded,
                                                      Rejection expected) {
        World world = new World().stock("d-x", 5).profile("d-x", profile);

        LineOutcome outcome = world.rule(delivery, excluded).assign(new Demand(SKU, 2, categories));

        assertThat(outcome.rejection()).isEqualTo(expected);
        assertThat(outcome.allocations()).isEqualTo(expected == null ? List.of(new Allocation("d-x", 2)) : List.of());
    }

    static Stream<Arguments> ranking() {
        return Stream.of(
                arguments("nearest first", 2, new World()
                        .dealer(listed("d-far", 20.0), 5, 0).dealer(listed("d-near", 3.0), 5, 0),
                        List.of(new Allocation("d-near", 2))),
                arguments("unknown distance after every known one", 2, new World()
                        .dealer(listed("d-a", null), 5, 0).dealer(listed("d-b", 30.0), 5, 0),
                        List.of(new Allocation("d-b", 2))),
                arguments("same distance: least loaded", 2, new World()
                        .dealer(listed("d-1", 3.0), 5, 3).dealer(listed("d-2", 3.0), 5, 1),
                        List.of(new Allocation("d-2", 2))),
                arguments("distance before load", 2, new World()
                        .dealer(listed("d-1", 3.0), 5, 9).dealer(listed("d-2", 8.0), 5, 0),
                        List.of(new Allocation("d-1", 2))),
                arguments("same distance and load: most stock", 2, new World()
                        .dealer(listed("d-1", 3.0), 4, 1).dealer(listed("d-2", 3.0), 9, 1),
                        List.of(new Allocation("d-2", 2))),
                arguments("load before stock", 2, new World()
                        .dealer(listed("d-1", 3.0), 9, 2).dealer(listed("d-2", 3.0), 4, 1),
                        List.of(new Allocation("d-2", 2))),
                arguments("all equal: dealerId", 2, new World()
                        .dealer(listed("d-2", 3.0), 5, 0).dealer(listed("d-1", 3.0), 5, 0),
                        List.of(new Allocation("d-1", 2))),
                arguments("whole line to the first that fills it alone", 3, new World()
                        .dealer(listed("d-near", 1.0), 2, 0).dealer(listed("d-far", 9.0), 5, 0),
                        List.of(new Allocation("d-far", 3))),
                arguments("split only when nobody fills it, in rank order", 4, new World()
                        .dealer(listed("d-near", 1.0), 2, 0).dealer(listed("d-mid", 5.0), 2, 0)
                        .dealer(listed("d-far", 9.0), 3, 0),
                        List.of(new Allocation("d-near", 2), new Allocation("d-mid", 2))),
                arguments("a dealer without units is passed over", 2, new World()
                        .dealer(listed("d-near", 1.0), 0, 0).dealer(listed("d-far", 9.0), 2, 0),
                        List.of(new Allocation("d-far", 2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranking")
    void eligibleDealersAreRankedByDistanceLoadStockAndId(String situation, int quantity, World world,
                                                          List<Allocation> expected) {
        LineOutcome outcome = world.rule(TO_PINCODE_AND_POINT, Set.of()).assign(new Demand(SKU, quantity, BRAKE_PADS));

        assertThat(outcome.rejection()).isNull();
        assertThat(outcome.allocations()).containsExactlyElementsOf(expected);
    }

    @Test
    void rejectionsSayWhetherTheSkuIsUnknownNobodyIsEligibleOrTheEligibleLackUnits() {
        World world = new World().dealer(listed("d-1", 3.0), 2, 0).dealer(listed("d-2", 4.0), 1, 0)
                .dealer(dealer("d-off", false, List.of("brakes-brake-pads"), List.of(PINCODE), kmAway(1), null), 50, 0);
        DealerAssignment rule = world.rule(TO_PINCODE_AND_POINT, Set.of());

        LineOutcome unknown = rule.assign(new Demand("NO-SUCH-SKU", 1, BRAKE_PADS));
        LineOutcome notCarried = rule.assign(new Demand(SKU, 1, List.of("engine")));
        LineOutcome tooFew = rule.assign(new Demand(SKU, 4, BRAKE_PADS));
        LineOutcome zero = rule.assign(new Demand(SKU, 0, BRAKE_PADS));
        LineOutcome negative = rule.assign(new Demand(SKU, -1, BRAKE_PADS));

        assertThat(unknown.rejection()).isEqualTo(Rejection.UNKNOWN_SKU);
        assertThat(notCarried.rejection()).isEqualTo(Rejection.NO_ELIGIBLE_DEALER);
        assertThat(tooFew.rejection()).isEqualTo(Rejection.INSUFFICIENT_STOCK);
        assertThat(tooFew.availableUnits()).isEqualTo(3); // the inactive dealer's 50 do not count
        assertThat(zero.rejection()).isEqualTo(Rejection.INVALID_QUANTITY);
        assertThat(negative.rejection()).isEqualTo(Rejection.INVALID_QUANTITY);
        assertThat(List.of(unknown, notCarried, tooFew, zero, negative))
                .allSatisfy(line -> assertThat(line.allocations()).isEmpty());
        assertThat(rule.changedLevels()).isEmpty();
    }

    @Test
    void laterLinesSeeWhatEarlierOnesTookAndOneDealersLinesMakeOnePlacement() {
        World world = new World().dealer(listed("d-near", 1.0), 3, 0).dealer(listed("d-far", 9.0), 5, 0);
        world.stock.add(new StockLevel("OIL-FLT-204", "d-near", 4, 0, null));
        DealerAssignment rule = world.rule(TO_PINCODE_AND_POINT, Set.of());

        List<LineOutcome> outcomes = rule.assign(List.of(new Demand(SKU, 2, null), new Demand("OIL-FLT-204", 1, null),
                new Demand(SKU, 2, null)));

        assertThat(outcomes).extracting(LineOutcome::allocations).containsExactly(
                List.of(new Allocation("d-near", 2)), List.of(new Allocation("d-near", 1)),
                List.of(new Allocation("d-far", 2))); // d-near has 1 left: d-far fills the line alone
        assertThat(DealerAssignment.placements(outcomes)).containsExactly(
                new Placement("d-near", List.of(new FulfilmentShare.Line(SKU, 2),
                        new FulfilmentShare.Line("OIL-FLT-204", 1))),
                new Placement("d-far", List.of(new FulfilmentShare.Line(SKU, 2))));
        assertThat(rule.changedLevels().get("BRK-PAD-001|d-near").reserved()).isEqualTo(2);
        assertThat(rule.changedLevels().get("BRK-PAD-001|d-far").reserved()).isEqualTo(2);
    }

    @Test
    void theSameSkuTwiceAtOneDealerIsOneLineOfItsShare() {
        List<LineOutcome> outcomes = List.of(
                new LineOutcome(SKU, 2, List.of(new Allocation("d-1", 2)), null, 5),
                new LineOutcome(SKU, 1, List.of(new Allocation("d-1", 1)), null, 3));

        assertThat(DealerAssignment.placements(outcomes))
                .containsExactly(new Placement("d-1", List.of(new FulfilmentShare.Line(SKU, 3))));
    }

    /** The stores the rule reads, as plain collections: one SKU's stock per dealer, profiles, loads. */
    static final class World {

        final List<StockLevel> stock = new ArrayList<>();
        final Map<String, DealerProfile> profiles = new HashMap<>();
        final Map<String, Long> loads = new HashMap<>();

        World stock(String dealerId, long available) {
            stock.add(new StockLevel(SKU, dealerId, available, 0, null));
            return this;
        }

        World profile(String dealerId, DealerProfile profile) {
            if (profile != null) {
                profiles.put(dealerId, profile);
            }
            return this;
        }

        World dealer(DealerProfile profile, long available, long openFulfilments) {
            loads.put(profile.dealerId(), openFulfilments);
            return stock(profile.dealerId(), available).profile(profile.dealerId(), profile);
        }

        DealerAssignment rule(Delivery delivery, Set<String> excluded) {
            return new DealerAssignment(sku -> stock.stream().filter(level -> level.sku().equals(sku)).toList(),
                    profiles::get, dealerId -> loads.getOrDefault(dealerId, 0L), delivery, excluded);
        }

        @Override
        public String toString() {
            return profiles.keySet().toString(); // the parameterized test's name shows the situation instead
        }
    }
}
