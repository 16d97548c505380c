package com.toprise.product.inventory;

import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.topics.Topics;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The units of one SKU physically at one dealer, and every adjustment that made them so. product-service owns
 * onHand; what is reserved for orders is the inventory topology's. The id is {@code sku|dealerId}, the key of the
 * stock on every topic. {@code version} makes concurrent adjustments take turns instead of losing one.
 */
@Document("dealer_stock")
public record DealerStock(@Id String id, String sku, String dealerId, long onHand, long version, Instant updatedAt,
                          List<Adjustment> adjustments) {

    static DealerStock empty(String sku, String dealerId) {
        return new DealerStock(Topics.inventoryKey(sku, dealerId), sku, dealerId, 0, 0, null, List.of());
    }

    DealerStock adjusted(Adjustment adjustment) {
        List<Adjustment> all = new ArrayList<>(adjustments == null ? List.of() : adjustments);
        all.add(adjustment);
        return new DealerStock(id, sku, dealerId, onHand + adjustment.delta(), version + 1, adjustment.at(), all);
    }

    /**
     * The figure the inventory topology takes: absolute onHand, so a redelivery changes nothing. Reserved and
     * available are the topology's and stay out: this service cannot know them, and guessing "none reserved"
     * told subscribers a wrong available while orders held units.
     */
    InventoryChanged asEvent(long delta) {
        return asEvent(delta, InventoryChanged.Reason.ADJUSTMENT);
    }

    InventoryChanged asEvent(long delta, InventoryChanged.Reason reason) {
        return InventoryChanged.stockFigure(sku, dealerId, onHand, delta, reason);
    }

    /** Whether the event (a shipment of the inventory topology's) was applied already. */
    boolean applied(String eventId) {
        return adjustments != null && adjustments.stream().anyMatch(a -> eventId.equals(a.eventId()));
    }

    /**
     * One change of onHand: by whom, why, and the result.
     *
     * @param eventId the event it applies (the inventory topology's SHIPPED), so a redelivery is recognised; null
     *                for an adjustment asked for through the API
     */
    public record Adjustment(long delta, String reason, String by, String role, Instant at, long onHandAfter,
                             String eventId) {
    }
}
