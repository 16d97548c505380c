package com.toprise.topology;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the topologies run and how the dealer assignment waits, from the environment (the same contract as the
 * services): {@code TOPRISE_KAFKA_BOOTSTRAP_SERVERS} (required), {@code TOPRISE_STREAMS_STATE_DIR} (state stores;
 * default {@code /tmp/toprise-streams}), {@code TOPRISE_TOPOLOGY_HTTP_PORT} (the inventory query server's port; unset:
 * no server), {@code TOPRISE_TOPOLOGY_ADVERTISED_HOST} (the address other instances reach this one at, and the
 * server listens on; default 127.0.0.1), {@code TOPRISE_FULFILMENT_ACCEPTANCE_TIME} (how long a dealer has to accept
 * its share of an order before the share is reassigned; an ISO-8601 duration, default {@code PT30M}) and
 * {@code TOPRISE_FULFILMENT_ACCEPTANCE_CHECK_INTERVAL} (how often the topology looks for shares past that time, so
 * also how late a reassignment may be; ISO-8601, default {@code PT5S}, at most the acceptance time). A value that is
 * not a positive duration stops the start with the variable's name.
 *
 * @param httpPort 0 when this instance serves no queries
 */
public record StreamsSettings(String bootstrapServers, Path stateDir, String advertisedHost, int httpPort,
                              Duration acceptanceTime, Duration acceptanceCheckInterval) {

    static final String ACCEPTANCE_TIME = "TOPRISE_FULFILMENT_ACCEPTANCE_TIME";
    static final String ACCEPTANCE_CHECK_INTERVAL = "TOPRISE_FULFILMENT_ACCEPTANCE_CHECK_INTERVAL";
    static final Duration DEFAULT_ACCEPTANCE_TIME = Duration.ofMinutes(30);
    static final Duration DEFAULT_ACCEPTANCE_CHECK_INTERVAL = Duration.ofSeconds(5);

    public StreamsSettings {
        if (acceptanceCheckInterval.compareTo(acceptanceTime) > 0) {
            // a check rarer than the deadline would let every share wait up to twice its time
            throw new IllegalArgumentException(ACCEPTANCE_CHECK_INTERVAL + " (" + acceptanceCheckInterval
                    + ") is longer than " + ACCEPTANCE_TIME + " (" + acceptanceTime + ")");
        }
    }

    public static StreamsSettings fromEnvironment(Map<String, String> env) {
        String bootstrap = env.get("TOPRISE_KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("TOPRISE_KAFKA_BOOTSTRAP_SERVERS is not set");
        }
        String host = env.getOrDefault("TOPRISE_TOPOLOGY_ADVERTISED_HOST", "");
        return new StreamsSettings(bootstrap,
                Path.of(env.getOrDefault("TOPRISE_STREAMS_STATE_DIR", "/tmp/toprise-streams")),
                host.isBlank() ? "127.0.0.1" : host, httpPort(env.get("TOPRISE_TOPOLOGY_HTTP_PORT")),
                duration(env, ACCEPTANCE_TIME, DEFAULT_ACCEPTANCE_TIME),
                duration(env, ACCEPTANCE_CHECK_INTERVAL, DEFAULT_ACCEPTANCE_CHECK_INTERVAL));
    }

    private static Duration duration(Map<String, String> env, String variable, Duration fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration parsed = Duration.parse(value.trim());
            if (!parsed.isNegative() && !parsed.isZero()) {
                return parsed;
            }
        } catch (DateTimeParseException ignored) {
            // reported below with the variable's name
        }
        throw new IllegalArgumentException(variable + " is not a positive ISO-8601 duration (e.g. PT30M): " + value);
    }

    private static int httpPort(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the variable's name
        }
        throw new IllegalArgumentException("TOPRISE_TOPOLOGY_HTTP_PORT is not a port: " + value);
    }

    /** This instance's address for interactive queries, when it serves them. */
    public Optional<HostInfo> queryHost() {
        return httpPort == 0 ? Optional.empty() : Optional.of(new HostInfo(advertisedHost, httpPort));
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

    /**
     * {@link #properties} plus {@code application.server}: the group then tells every member which instance holds
     * which store, so any instance can send a query to the one that can answer it.
     */
    public Properties queryableProperties(String applicationId) {
        Properties properties = properties(applicationId);
        queryHost().ifPresent(host -> properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG,
                (host.host().contains(":") ? "[" + host.host() + "]" : host.host()) + ":" + host.port()));
        return properties;
    }
}
