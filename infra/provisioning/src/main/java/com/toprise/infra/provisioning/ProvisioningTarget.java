package com.toprise.infra.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The clusters provisioning applies to, read once from the production environment variables (the same names the
 * services and connector files use), each declared here with its default and meaning.
 */
public record ProvisioningTarget(String kafkaBootstrapServers, String connectUrl, String elasticsearchUrl,
                                 short replicationFactor) {

    /** One setting: its variable, its default (null when it must be given) and what it means. */
    public record Setting(String variable, String defaultValue, String doc) {
    }

    public static final Setting KAFKA = new Setting("TOPRISE_KAFKA_BOOTSTRAP_SERVERS", null,
            "Kafka bootstrap servers the topics are created on");
    public static final Setting CONNECT = new Setting("TOPRISE_CONNECT_URL", null,
            "REST address of any worker of the Kafka Connect cluster the connectors are deployed to");
    public static final Setting ELASTICSEARCH = new Setting("TOPRISE_ELASTICSEARCH_URIS", null,
            "Elasticsearch URLs, comma-separated; the index templates go to the first");
    public static final Setting REPLICATION = new Setting("TOPRISE_KAFKA_REPLICATION_FACTOR", "3",
            "replicas of each topic created (existing topics keep theirs)");
    public static final List<Setting> SETTINGS = List.of(KAFKA, CONNECT, ELASTICSEARCH, REPLICATION);

    public ProvisioningTarget {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("the replication factor must be at least 1, was " + replicationFactor);
        }
    }

    /** Reads every setting; a missing one is named together with the others that are missing. */
    public static ProvisioningTarget fromEnvironment(Map<String, String> environment) {
        List<String> missing = new ArrayList<>();
        Function<Setting, String> read = s -> {
            String value = environment.getOrDefault(s.variable(), s.defaultValue());
            if (value == null || value.isBlank()) {
                missing.add(s.variable() + " (" + s.doc() + ")");
            }
            return value == null ? null : value.strip();
        };
        String kafka = read.apply(KAFKA);
        String connect = read.apply(CONNECT);
        String elasticsearch = read.apply(ELASTICSEARCH);
        String replication = read.apply(REPLICATION);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("set " + String.join(", ", missing));
        }
        short factor;
        try {
            factor = Short.parseShort(replication);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(REPLICATION.variable() + " must be a number, was " + replication);
        }
        return new ProvisioningTarget(kafka, connect.replaceFirst("/+$", ""),
                elasticsearch.split(",")[0].strip(), factor);
    }
}
