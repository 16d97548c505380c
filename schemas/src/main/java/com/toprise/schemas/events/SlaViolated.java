package com.toprise.schemas.events;

import java.time.Instant;

/** An order step that missed its deadline. Keyed by orderId. */
public record SlaViolated(String orderId, String dealerId, SlaType slaType, Instant expectedBy, Instant detectedAt,
                          long minutesLate) {

    public enum SlaType { DEALER_ACCEPTANCE, PICKING, PACKING, DISPATCH, DELIVERY }
}
