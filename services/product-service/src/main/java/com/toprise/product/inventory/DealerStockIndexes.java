package com.toprise.product.inventory;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

import static com.toprise.common.mongo.IndexKey.asc;

/**
 * The indexes of {@code dealer_stock} for the stock list ({@link StockController}): by SKU (a SKU is stocked by a
 * few dealers, so its stock sorts in memory), by dealer (a dealer's own, thousands of SKUs) by SKU or by units on
 * hand, and everyone's by SKU, dealer or units. Adjustments read and write by {@code _id} ({@code sku|dealerId}).
 */
@Component
class DealerStockIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("dealer_stock")
                .index("one SKU's stock, and everyone's by SKU (the list's default)", asc("sku"), asc("dealerId"))
                .bounded("sku", "a SKU is stocked by a few dealers")
                .index("a dealer's stock by SKU, and everyone's by dealer", asc("dealerId"), asc("sku"))
                .index("a dealer's stock by units on hand", asc("dealerId"), asc("onHand"))
                .index("everyone's stock by units on hand", asc("onHand"));
    }
}
