package com.toprise.product.inventory;

import java.time.Instant;
import java.util.List;

/** A dealer's stock of a SKU as the API shows it, with its latest adjustments, newest first. */
record StockView(String sku, String dealerId, long onHand, Instant updatedAt, List<DealerStock.Adjustment> recentAdjustments) {

    private static final int RECENT = 20;

    static StockView of(DealerStock stock) {
        List<DealerStock.Adjustment> all = stock.adjustments() == null ? List.of() : stock.adjustments();
        List<DealerStock.Adjustment> recent = new java.util.ArrayList<>(all.subList(Math.max(0, all.size() - RECENT), all.size()));
        java.util.Collections.reverse(recent);
        return new StockView(stock.sku(), stock.dealerId(), stock.onHand(), stock.updatedAt(), recent);
    }
}
