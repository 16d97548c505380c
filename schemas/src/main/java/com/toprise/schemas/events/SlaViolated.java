package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/** An order step that missed its deadline. Keyed by orderId. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SlaViolated(String orderId, String dealerId, SlaType slaType, Instant expectedBy, Instant detectedAt,
                          long minutesLate) {

    public enum SlaType { DEALER_ACCEPTANCE, PICKING, PACKING, DISPATCH, DELIVERY }
}
