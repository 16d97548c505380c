package com.toprise.topology.inventory;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The stock store through interactive queries. Every command is keyed {@link InventoryLevelsTopology#ONE_KEY}, so
 * the store is on the one task of that key's partition: the group's metadata for that key names the instance (its
 * {@code application.server}) holding it. Only the active copy is read: a standby lags behind the reservations.
 */
final class KafkaStreamsStockStores implements StockStoreLocator {

    private final KafkaStreams streams;
    private final HostInfo self;

    KafkaStreamsStockStores(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    @Override
    public Location locate() {
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(InventoryLevelsTopology.STOCK_STORE, InventoryLevelsTopology.ONE_KEY,
                    Serdes.String().serializer());
        } catch (IllegalStateException notRunning) { // closing, or failed
            return new Unavailable(notRunning.getMessage());
        }
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner) || owner.partition() < 0) {
            return new Unavailable("no instance holds the stock store yet (state " + streams.state() + ")");
        }
        if (!owner.activeHost().equals(self)) {
            return new Remote(owner.activeHost());
        }
        ReadOnlyKeyValueStore<String, StockLevel> store = streams.store(StoreQueryParameters.fromNameAndType(
                InventoryLevelsTopology.STOCK_STORE, QueryableStoreTypes.<String, StockLevel>keyValueStore())
                .withPartition(owner.partition()));
        return new Local(store);
    }

    @Override
    public String state() {
        return streams.state().name();
    }
}
