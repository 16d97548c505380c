package com.toprise.topology;

import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the topologies run, from the environment (the same contract as the services):
 * {@code TOPRISE_KAFKA_BOOTSTRAP_SERVERS} (required) and {@code TOPRISE_STREAMS_STATE_DIR} (state stores; default
 * {@code /tmp/toprise-streams}).
 */
public record StreamsSettings(String bootstrapServers, Path stateDir) {

    public static StreamsSettings fromEnvironment(Map<String, String> env) {
        String bootstrap = env.get("TOPRISE_KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("TOPRISE_KAFKA_BOOTSTRAP_SERVERS is not set");
        }
        return new StreamsSettings(bootstrap, Path.of(env.getOrDefault("TOPRISE_STREAMS_STATE_DIR", "/tmp/toprise-streams")));
    }

    /** Exactly-once (v2) for every topology: a record read is processed and its outputs written once. */
    public Properties properties(String applicationId) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(applicationId).toString());
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // connectors create their cdc.* topics on their first record: notice new ones within seconds
        properties.put(StreamsConfig.consumerPrefix("metadata.max.age.ms"), 5_000);
        properties.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        // a record no serde can read is logged (topic, partition, offset, the JSON path) and skipped: one bad event
        // must not stop reservations for every order behind it
        properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                org.apache.kafka.streams.errors.LogAndContinueExceptionHandler.class);
        return properties;
    }
}
