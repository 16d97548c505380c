package com.toprise.order.fulfilment;

import com.toprise.schemas.events.FulfilmentShare;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Fulfillment-Admin gives an order's waiting lines to a dealer of their choice: the lines named (SKU and units),
 * or every waiting line when none are.
 */
public record AssignRequest(@NotBlank @Size(max = 64) String orderId, @NotBlank @Size(max = 64) String dealerId,
                            @Size(max = 100) List<@Valid Line> lines) {

    public record Line(@NotBlank @Size(max = 64) String sku, @Positive int quantity) {
    }

    List<FulfilmentShare.Line> shareLines() {
        return lines == null ? List.of() : lines.stream().map(l -> new FulfilmentShare.Line(l.sku(), l.quantity()))
                .toList();
    }
}
