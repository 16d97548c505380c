package com.toprise.topology.inventory;

import com.toprise.schemas.queries.InventoryAvailability;
import com.toprise.schemas.queries.InventoryAvailability.DealerAvailability;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one SKU's {@link InventoryAvailability}, the query server's answer, from the stock store. */
final class StockAvailability {

    private StockAvailability() {
    }

    /**
     * Every dealer's level of the SKU; empty when no dealer has a stock row for it. The store's keys are
     * {@code sku|dealerId}: the prefix ends with the separator so "ABC" does not take in "ABC-2".
     */
    static Optional<InventoryAvailability> find(ReadOnlyKeyValueStore<String, StockLevel> stock, String sku) {
        List<DealerAvailability> dealers = new ArrayList<>();
        try (KeyValueIterator<String, StockLevel> found = stock.prefixScan(sku + "|", new StringSerializer())) {
            found.forEachRemaining(kv -> dealers.add(new DealerAvailability(kv.value.dealerId(), kv.value.onHand(),
                    kv.value.reserved(), kv.value.available())));
        }
        return InventoryAvailability.over(sku, dealers);
    }
}
