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
        return new Local(store(InventoryLevelsTopology.STOCK_STORE, owner.partition()),
                store(InventoryLevelsTopology.DEALERS_STORE, owner.partition()),
                store(InventoryLevelsTopology.DEALER_LOAD_STORE, owner.partition()));
    }

    /** One of the stores of the commands' one task: every store of the topology lives on that partition's task. */
    private <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(partition));
    }

    @Override
    public String state() {
        return streams.state().name();
    }
}
