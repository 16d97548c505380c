package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * The inventory topology's answer to an ORDER_CREATED: confirmed with the stock it reserved for every line, or
 * rejected with the reason of each line that could not be filled, in which case nothing is reserved. Keyed by orderId.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderValidated(String orderId, Result result, List<LineOutcome> lines) {

    public enum Result { CONFIRMED, REJECTED }

    /** Why a line could not be filled. */
    public enum Rejection { UNKNOWN_SKU, INSUFFICIENT_STOCK, INVALID_QUANTITY }

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
