package com.toprise.order.fulfilment;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A line's steps keep their order in time even when a step's time comes from a coarser clock than ours. */
class FulfilmentLineTest {

    private static final Instant PACKED_AT = Instant.parse("2026-12-02T10:00:05.700Z");

    @Test
    void aStepReportedBeforeThePreviousOneIsStampedAtThePreviousOne() {
        FulfilmentLine packed = FulfilmentLine.offered("SKU-1", "Brake pad", 2)
                .moveTo(LineStatus.ASSIGNED, PACKED_AT.minusSeconds(3)).moveTo(LineStatus.PACKED, PACKED_AT);

        // the courier's whole-second time for the pick-up reads 0.7 s before our packing
        FulfilmentLine shipped = packed.moveTo(LineStatus.SHIPPED, Instant.parse("2026-12-02T10:00:05Z"));

        assertThat(shipped.steps()).extracting(LineStep::at)
                .containsExactly(PACKED_AT.minusSeconds(3), PACKED_AT, PACKED_AT);
        assertThat(shipped.status()).isEqualTo(LineStatus.SHIPPED);
    }

    @Test
    void aLaterStepKeepsItsOwnTime() {
        Instant later = PACKED_AT.plusSeconds(40);
        FulfilmentLine shipped = FulfilmentLine.offered("SKU-1", "Brake pad", 2)
                .moveTo(LineStatus.PACKED, PACKED_AT).moveTo(LineStatus.SHIPPED, later);

        assertThat(shipped.steps().get(1).at()).isEqualTo(later);
    }
}
