package com.toprise.topology.inventory;

import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Where the {@link InventoryLevelsTopology#STOCK_STORE} (and beside it, on the same task, the dealer stores) can be
 * read right now, as this instance sees it. A seam between the query server and KafkaStreams
 * ({@link KafkaStreamsStockStores}), so the HTTP side runs in tests against a TopologyTestDriver's stores.
 */
interface StockStoreLocator {

    /**
     * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while the store migrates or restores
     */
    Location locate();

    /** The inventory application's KafkaStreams state, e.g. RUNNING, REBALANCING. */
    String state();

    sealed interface Location permits Local, Remote, Unavailable {
    }

    /** This instance holds the active stores: stock, dealer profiles and dealer loads. */
    record Local(ReadOnlyKeyValueStore<String, StockLevel> stock, ReadOnlyKeyValueStore<String, DealerProfile> dealers,
                 ReadOnlyKeyValueStore<String, Long> load) implements Location {
    }

    /** Another instance does: the query goes there. */
    record Remote(HostInfo owner) implements Location {
    }

    /** Nobody can answer now (not started, rebalancing, no metadata yet). */
    record Unavailable(String reason) implements Location {
    }
}
