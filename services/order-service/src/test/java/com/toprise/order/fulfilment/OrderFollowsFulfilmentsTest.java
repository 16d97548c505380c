package com.toprise.order.fulfilment;

import com.toprise.order.order.OrderState;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static com.toprise.order.fulfilment.FulfilmentFixtures.units;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.ACCEPTED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.CANCELLED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.DECLINED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.DELIVERED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.EXPIRED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.OFFERED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.PACKED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule by which the order follows its fulfilments, as a table: an order of 2 × BRK-1 and 1 × OIL-5, its shares
 * in each combination of statuses, replaced and split, and the status the order should then be in (none: it stays).
 */
class OrderFollowsFulfilmentsTest {

    private static final Map<String, Integer> ORDERED = Map.of("BRK-1", 2, "OIL-5", 1);

    static Stream<Arguments> table() {
        return Stream.of(
                row("no fulfilments yet", null),
                row("both offered", null, brakes(OFFERED), oil(OFFERED)),
                row("one accepted, one still offered", null, brakes(ACCEPTED), oil(OFFERED)),
                row("both accepted", OrderState.ASSIGNED, brakes(ACCEPTED), oil(ACCEPTED)),
                row("one packed, one accepted", OrderState.ASSIGNED, brakes(PACKED), oil(ACCEPTED)),
                row("both packed", OrderState.PACKED, brakes(PACKED), oil(PACKED)),
                row("the first ships while the other is only accepted", OrderState.SHIPPED, brakes(SHIPPED),
                        oil(ACCEPTED)),
                row("one shipped, one packed", OrderState.SHIPPED, brakes(SHIPPED), oil(PACKED)),
                row("one delivered, one on its way", OrderState.SHIPPED, brakes(DELIVERED), oil(SHIPPED)),
                row("both delivered", OrderState.DELIVERED, brakes(DELIVERED), oil(DELIVERED)),
                row("a declined share's lines are nobody's until reassigned", null, brakes(DECLINED),
                        oil(ACCEPTED)),
                row("an expired share counts no more, its reassignment does", OrderState.ASSIGNED, brakes(EXPIRED),
                        share("o-1-3", ACCEPTED, units("BRK-1", 2)), oil(ACCEPTED)),
                row("a line split across dealers waits for both halves", null,
                        share("o-1-1", ACCEPTED, units("BRK-1", 1)), share("o-1-3", OFFERED, units("BRK-1", 1)),
                        oil(ACCEPTED)),
                row("a split line with both halves accepted", OrderState.ASSIGNED,
                        share("o-1-1", ACCEPTED, units("BRK-1", 1)), share("o-1-3", PACKED, units("BRK-1", 1)),
                        oil(ACCEPTED)),
                row("a split line is not delivered until both halves are", OrderState.SHIPPED,
                        share("o-1-1", DELIVERED, units("BRK-1", 1)), share("o-1-3", SHIPPED, units("BRK-1", 1)),
                        oil(DELIVERED)),
                row("lines waiting for an admin hold the order back", null, brakes(ACCEPTED)),
                row("a cancelled order's fulfilments decide nothing", null, brakes(CANCELLED), oil(CANCELLED)),
                row("a delivered share while another waits for reassignment", OrderState.SHIPPED, brakes(EXPIRED),
                        oil(DELIVERED)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("table")
    void theOrderFollowsItsFulfilments(String situation, OrderState expected, List<Fulfilment> fulfilments) {
        assertThat(OrderFollowsFulfilments.target(ORDERED, fulfilments)).as(situation)
                .isEqualTo(Optional.ofNullable(expected));
    }

    private static Arguments row(String situation, OrderState expected, Fulfilment... fulfilments) {
        return Arguments.of(situation, expected, List.of(fulfilments));
    }

    private static Fulfilment brakes(FulfilmentStatus status) {
        return share("o-1-1", status, units("BRK-1", 2));
    }

    private static Fulfilment oil(FulfilmentStatus status) {
        return share("o-1-2", status, units("OIL-5", 1));
    }

    private static Fulfilment share(String id, FulfilmentStatus status, FulfilmentShare.Line... lines) {
        return FulfilmentFixtures.in(status, id, "d-" + id.charAt(id.length() - 1), lines);
    }
}
