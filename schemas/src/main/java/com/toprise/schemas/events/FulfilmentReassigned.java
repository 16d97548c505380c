package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * The inventory topology moved a fulfilment's lines away from its dealer, once: the dealer declined, did not accept
 * in time, or Fulfillment-Admin chose another dealer. The first dealer's reservation is released; the lines are
 * reserved again by the assignment rule among the dealers not yet tried for this order, as new shares. Lines no
 * dealer could take are {@code unassigned}: the order waits for Fulfillment-Admin. Keyed by orderId.
 *
 * @param replacedFulfilmentId the fulfilment whose lines moved
 * @param dealerId             its dealer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FulfilmentReassigned(String orderId, String replacedFulfilmentId, String dealerId, Cause cause,
                                   List<FulfilmentShare> shares, List<FulfilmentShare.Line> unassigned,
                                   Instant reassignedAt) {

    public enum Cause { DECLINED, ACCEPTANCE_TIMEOUT, MANUAL }
}
