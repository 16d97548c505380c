package com.toprise.schemas.topics;

import org.apache.kafka.common.serialization.Serde;

import java.util.Map;

/**
 * One topic's whole contract: its name, the serdes of its keys and values, the partitions it is created with and
 * the topic configs it is created (and kept) with, so that whoever writes, reads or provisions it cannot pick a
 * second, different answer.
 *
 * @param configs Kafka topic configs ({@code cleanup.policy}, {@code retention.ms}, ...); unmodifiable
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions,
                          Map<String, String> configs) {

    public static final String CLEANUP_POLICY = "cleanup.policy";
    public static final String RETENTION_MS = "retention.ms";

    public Topic {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a topic needs a name");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be at least 1, was " + partitions);
        }
        if (configs == null || !configs.containsKey(CLEANUP_POLICY)) {
            // the broker's default would decide silently whether the topic keeps history or current state
            throw new IllegalArgumentException(name + ": a topic declares its " + CLEANUP_POLICY);
        }
        configs = Map.copyOf(configs);
    }

    /** Whether the broker keeps the latest record per key (and may drop older ones), rather than a time window. */
    public boolean compacted() {
        return configs.get(CLEANUP_POLICY).contains("compact");
    }
}
