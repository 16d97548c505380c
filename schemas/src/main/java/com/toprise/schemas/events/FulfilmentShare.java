package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * One dealer's share of an order as the inventory topology assigned it: the stock it reserved at that dealer, which
 * becomes that dealer's fulfilment. The id is the topology's ({@code <orderId>-<n>}, n counting the order's
 * assignments), so every reader names the same fulfilment the same way.
 *
 * @param acceptBy when the dealer must have accepted it; past that the topology reassigns it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FulfilmentShare(String fulfilmentId, String dealerId, List<Line> lines, Instant acceptBy) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String sku, int quantity) {
    }
}
