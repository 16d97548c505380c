package com.toprise.topology.inventory;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One SKU's stock over every dealer, as {@code GET /inventory/{sku}} answers it. {@code available} is the sum of the
 * dealers' available units, not onHand - reserved of the sums: a dealer whose count fell below what it had reserved
 * has 0 available, and must not hide another dealer's units.
 */
public record InventoryAvailability(String sku, long onHand, long reserved, long available,
                                    List<DealerAvailability> dealers) {

    public record DealerAvailability(String dealerId, long onHand, long reserved, long available) {
    }

    /**
     * Every dealer's level of the SKU, by dealerId; empty when no dealer has a stock row for it. The store's keys are
     * {@code sku|dealerId}: the prefix ends with the separator so "ABC" does not take in "ABC-2".
     */
    static Optional<InventoryAvailability> find(ReadOnlyKeyValueStore<String, StockLevel> stock, String sku) {
        List<DealerAvailability> dealers = new ArrayList<>();
        try (KeyValueIterator<String, StockLevel> found = stock.prefixScan(sku + "|", new StringSerializer())) {
            found.forEachRemaining(kv -> dealers.add(new DealerAvailability(kv.value.dealerId(), kv.value.onHand(),
                    kv.value.reserved(), kv.value.available())));
        }
        if (dealers.isEmpty()) {
            return Optional.empty();
        }
        dealers.sort(Comparator.comparing(DealerAvailability::dealerId));
        return Optional.of(new InventoryAvailability(sku,
                dealers.stream().mapToLong(DealerAvailability::onHand).sum(),
                dealers.stream().mapToLong(DealerAvailability::reserved).sum(),
                dealers.stream().mapToLong(DealerAvailability::available).sum(),
                List.copyOf(dealers)));
    }
}
