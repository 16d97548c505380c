package com.toprise.connectors.elasticsearch;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElasticsearchSinkConnectorConfigTest {

    private static Map<String, String> valid() {
        Map<String, String> props = new HashMap<>();
        props.put("elasticsearch.urls", "http://127.0.0.1:9200,https://es-2:9243");
        props.put("index.mapping", "cdc.products.products:products");
        return props;
    }

    private static String errorOf(Map<String, String> props, String key) {
        Config validated = new ElasticsearchSinkConnector().validate(props);
        return validated.configValues().stream().filter(v -> v.name().equals(key)).findFirst()
                .map(ConfigValue::errorMessages).map(Object::toString).orElseThrow();
    }

    @Test
    void aValidConfigHasNoErrorsAndTypedValues() {
        Config validated = new ElasticsearchSinkConnector().validate(valid());
        assertThat(validated.configValues()).allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
        ElasticsearchSinkConnectorConfig config = new ElasticsearchSinkConnectorConfig(valid());
        assertThat(config.urls()).hasSize(2);
        assertThat(config.indexFor("cdc.products.products")).isEqualTo("products");
        assertThat(config.indexFor("Events.Other")).isEqualTo("events.other");
        assertThat(config.documentFormat()).isEqualTo(DocumentFormat.PLAIN);
        assertThat(config.idField()).isEmpty();
        assertThat(config.batchSize()).isEqualTo(500);
        assertThat(config.backoff()).isEqualTo(new Backoff(-1, 100, 10_000));
        assertThat(config.failOnRejected()).isTrue();
    }

    @Test
    void urlsAreRequiredAndMustBeHttp() {
        Map<String, String> props = valid();
        props.remove("elasticsearch.urls");
        assertThat(errorOf(props, "elasticsearch.urls")).contains("Missing required configuration");
        props.put("elasticsearch.urls", "ftp://es:21");
        assertThat(errorOf(props, "elasticsearch.urls")).contains("must be an http:// or https:// URL");
    }

    @Test
    void indexMappingMustBeTopicColonValidIndex() {
        Map<String, String> props = valid();
        props.put("index.mapping", "just-a-topic");
        assertThat(errorOf(props, "index.mapping")).contains("is not topic:index");
        props.put("index.mapping", "t:Products");
        assertThat(errorOf(props, "index.mapping")).contains("must be lower case");
        props.put("index.mapping", "t:_products");
        assertThat(errorOf(props, "index.mapping")).contains("cannot start with");
        props.put("index.mapping", "t:pro*ducts");
        assertThat(errorOf(props, "index.mapping")).contains("cannot contain '*'");
    }

    @Test
    void enumeratedAndRangedSettingsAreChecked() {
        Map<String, String> props = valid();
        props.put("document.format", "xml");
        assertThat(errorOf(props, "document.format")).contains("String must be one of: plain, debezium.mongodb");
        props = valid();
        props.put("document.id.source", "value");
        assertThat(errorOf(props, "document.id.source")).contains("must be 'key' or 'field:<name>'");
        props = valid();
        props.put("batch.size", "0");
        assertThat(errorOf(props, "batch.size")).contains("Value must be at least 1");
        props = valid();
        props.put("max.retries", "-2");
        assertThat(errorOf(props, "max.retries")).contains("Value must be at least -1");
        props = valid();
        props.put("behavior.on.error", "ignore");
        assertThat(errorOf(props, "behavior.on.error")).contains("String must be one of: fail, log");
    }

    @Test
    void theLongestBackoffCannotBeShorterThanTheFirst() {
        Map<String, String> props = valid();
        props.put("retry.backoff.ms", "5000");
        props.put("retry.backoff.max.ms", "1000");
        assertThatThrownBy(() -> new ElasticsearchSinkConnectorConfig(props))
                .hasMessageContaining("retry.backoff.max.ms").hasMessageContaining("must not be less than");
    }

    @Test
    void backoffGrowsWithJitterAndStaysUnderItsCap() {
        Backoff backoff = new Backoff(3, 100, 1000);
        for (int attempt = 1; attempt <= 10; attempt++) {
            long ceiling = Math.min(1000, 100L << (attempt - 1));
            for (int i = 0; i < 50; i++) {
                assertThat(backoff.delayMs(attempt)).isBetween(ceiling / 2, ceiling);
            }
        }
        assertThat(backoff.mayRetry(3)).isTrue();
        assertThat(backoff.mayRetry(4)).isFalse();
        assertThat(new Backoff(-1, 1, 1).mayRetry(1_000_000)).isTrue();
    }
}
