package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * The inventory topology's answer to an ORDER_CREATED: confirmed with the stock it reserved for every line, or
 * rejected with the reason of each line that could not be filled, in which case nothing is reserved. A confirmed
 * order's reservations are its assignment: {@code fulfilments} has one share per dealer holding some of its units
 * (empty when rejected). Keyed by orderId.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderValidated(String orderId, Result result, List<LineOutcome> lines,
                             List<FulfilmentShare> fulfilments) {

    public enum Result { CONFIRMED, REJECTED }

    /**
     * Why a line could not be filled: no dealer has the SKU at all, the dealers that may take it (eligible: active,
     * serving the delivery, carrying its category) have too few units together, none of the dealers holding it is
     * eligible, or the quantity is not positive.
     */
    public enum Rejection { UNKNOWN_SKU, INSUFFICIENT_STOCK, NO_ELIGIBLE_DEALER, INVALID_QUANTITY }

    /**
     * @param allocations the dealers' stock reserved for this line (a line may be split across dealers); empty when
     *                    the order is rejected
     * @param rejection   null for a line that could be filled
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LineOutcome(String sku, int quantity, List<Allocation> allocations, Rejection rejection,
                              long availableUnits) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Allocation(String dealerId, int quantity) {
    }
}
