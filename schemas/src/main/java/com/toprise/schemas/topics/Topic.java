package com.toprise.schemas.topics;

import org.apache.kafka.common.serialization.Serde;

/** A topic with the serdes of its keys and values and the partitions it is created with. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions) {

    public Topic {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a topic needs a name");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be at least 1, was " + partitions);
        }
    }
}
