package com.toprise.infra.provisioning;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisioningTargetTest {

    @Test
    void readsTheProductionVariables() {
        ProvisioningTarget target = ProvisioningTarget.fromEnvironment(Map.of(
                "TOPRISE_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "TOPRISE_CONNECT_URL", "http://connect:8083/",
                "TOPRISE_ELASTICSEARCH_URIS", " http://es-1:9200 , http://es-2:9200"));

        assertThat(target.kafkaBootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(target.connectUrl()).isEqualTo("http://connect:8083");
        assertThat(target.elasticsearchUrl()).isEqualTo("http://es-1:9200");
        assertThat(target.replicationFactor()).isEqualTo((short) 3);
    }

    @Test
    void namesEveryMissingVariableAtOnce() {
        assertThatThrownBy(() -> ProvisioningTarget.fromEnvironment(Map.of("TOPRISE_CONNECT_URL", "http://c:8083")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TOPRISE_KAFKA_BOOTSTRAP_SERVERS")
                .hasMessageContaining("TOPRISE_ELASTICSEARCH_URIS")
                .hasMessageNotContaining("TOPRISE_CONNECT_URL");
    }

    @Test
    void refusesAReplicationFactorThatIsNotAPositiveNumber() {
        Map<String, String> base = Map.of("TOPRISE_KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "TOPRISE_CONNECT_URL", "http://c:8083", "TOPRISE_ELASTICSEARCH_URIS", "http://e:9200");
        var three = new java.util.HashMap<>(base);
        three.put("TOPRISE_KAFKA_REPLICATION_FACTOR", "three");
        var zero = new java.util.HashMap<>(base);
        zero.put("TOPRISE_KAFKA_REPLICATION_FACTOR", "0");

        assertThatThrownBy(() -> ProvisioningTarget.fromEnvironment(three)).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> ProvisioningTarget.fromEnvironment(zero)).hasMessageContaining("at least 1");
    }
}
