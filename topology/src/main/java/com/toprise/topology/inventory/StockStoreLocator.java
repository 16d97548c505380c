package com.toprise.topology.inventory;

import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Where the {@link InventoryLevelsTopology#STOCK_STORE} can be read right now, as this instance sees it. A seam
 * between the query server and KafkaStreams ({@link KafkaStreamsStockStores}), so the HTTP side runs in tests
 * against a TopologyTestDriver's store.
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

    /** This instance holds the active store. */
    record Local(ReadOnlyKeyValueStore<String, StockLevel> store) implements Location {
    }

    /** Another instance does: the query goes there. */
    record Remote(HostInfo owner) implements Location {
    }

    /** Nobody can answer now (not started, rebalancing, no metadata yet). */
    record Unavailable(String reason) implements Location {
    }
}
