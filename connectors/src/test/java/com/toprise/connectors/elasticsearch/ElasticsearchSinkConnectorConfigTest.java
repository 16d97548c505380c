package com.toprise.connectors.elasticsearch;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule of the configuration, as Connect's validate endpoint reports it: per setting, with a message. */
class ElasticsearchSinkConnectorConfigTest {

    private static Map<String, String> valid() {
        Map<String, String> props = new HashMap<>();
        props.put("connector.class", ElasticsearchSinkConnector.class.getName());
        props.put("topics", "cdc.products.products,cdc.orders.orders");
        props.put("elasticsearch.urls", "http://127.0.0.1:9200,https://es-2:9243");
        props.put("index.mapping", "cdc.products.products:products");
        return props;
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> props = valid();
        props.put(key, value);
        return props;
    }

    /** The messages validate() gives for one setting. */
    private static List<String> errors(Map<String, String> props, String key) {
        Config validated = new ElasticsearchSinkConnector().validate(props);
        return validated.configValues().stream().filter(v -> v.name().equals(key)).findFirst()
                .map(ConfigValue::errorMessages).orElseThrow();
    }

    private static String error(Map<String, String> props, String key) {
        List<String> errors = errors(props, key);
        assertThat(errors).as("errors of " + key).hasSize(1);
        return errors.get(0);
    }

    @Test
    void aValidConfigHasNoErrorsAndTypedValues() {
        Config validated = new ElasticsearchSinkConnector().validate(valid());
        assertThat(validated.configValues()).allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
        ElasticsearchSinkConnectorConfig config = new ElasticsearchSinkConnectorConfig(valid());
        assertThat(config.urls()).extracting(Object::toString).containsExactly("http://127.0.0.1:9200", "https://es-2:9243");
        assertThat(config.username()).isEmpty();
        assertThat(config.indexFor("cdc.products.products")).isEqualTo("products");
        assertThat(config.indexFor("cdc.Orders.orders")).isEqualTo("cdc.orders.orders");
        assertThat(config.documentFormat()).isEqualTo(DocumentFormat.PLAIN);
        assertThat(config.idField()).isEmpty();
        assertThat(config.batchSize()).isEqualTo(500);
        assertThat(config.flushIntervalMs()).isEqualTo(1000);
        assertThat(config.backoff()).isEqualTo(new Backoff(-1, 100, 10_000));
        assertThat(config.connectionTimeoutMs()).isEqualTo(5_000);
        assertThat(config.readTimeoutMs()).isEqualTo(60_000);
        assertThat(config.failOnRejected()).isTrue();
        assertThat(new ElasticsearchSinkConnectorConfig(with("document.id.source", "field:sku")).idField()).hasValue("sku");
    }

    @Test
    void everySettingIsDocumented() {
        for (ConfigDef.ConfigKey key : ElasticsearchSinkConnectorConfig.CONFIG_DEF.configKeys().values()) {
            assertThat(key.documentation).as(key.name).isNotBlank();
        }
    }

    @Test
    void urlsAreRequiredAndMustBeHttpUrlsWithAHost() {
        Map<String, String> props = valid();
        props.remove("elasticsearch.urls");
        assertThat(error(props, "elasticsearch.urls")).contains("Missing required configuration \"elasticsearch.urls\"");
        assertThat(error(with("elasticsearch.urls", ""), "elasticsearch.urls")).contains("at least one URL is needed");
        assertThat(error(with("elasticsearch.urls", "http://es:9200,ftp://es:21"), "elasticsearch.urls"))
                .contains("ftp://es:21").contains("must be an http:// or https:// URL with a host");
        assertThat(error(with("elasticsearch.urls", "es-1:9200"), "elasticsearch.urls")).contains("must be an http://");
        assertThat(error(with("elasticsearch.urls", "http://es 1:9200"), "elasticsearch.urls")).contains("not a URL");
    }

    @Test
    void indexMappingMustBeTopicColonValidIndexWithEachTopicOnce() {
        String key = "index.mapping";
        assertThat(error(with(key, "just-a-topic"), key)).contains("'just-a-topic' is not topic:index");
        assertThat(error(with(key, "t:"), key)).contains("is not topic:index");
        assertThat(error(with(key, "t:Products"), key)).contains("index 'Products' must be lower case");
        assertThat(error(with(key, "t:_products"), key)).contains("cannot start with -, _ or +");
        assertThat(error(with(key, "t:-products"), key)).contains("cannot start with -, _ or +");
        assertThat(error(with(key, "t:+products"), key)).contains("cannot start with -, _ or +");
        for (String forbidden : List.of("\\", "/", "*", "?", "\"", "<", ">", "|", "#")) {
            assertThat(error(with(key, "t:pro" + forbidden + "ducts"), key)).as(forbidden)
                    .contains("cannot contain '" + forbidden + "'");
        }
        assertThat(error(with(key, "t:.."), key)).contains("cannot be '.' or '..'");
        assertThat(error(with(key, "t:" + "a".repeat(256)), key)).contains("longer than 255 bytes");
        assertThat(error(with(key, "t:a,t:b"), key)).contains("topic 't' is mapped more than once");
    }

    @Test
    void aListedTopicWithoutMappingMustLowerCaseToAValidIndexName() {
        assertThat(error(with("topics", "_internal.events"), "index.mapping"))
                .isEqualTo("topic '_internal.events' needs a mapping: index '_internal.events' cannot start with -, _ or +");
        Map<String, String> mapped = with("topics", "_internal.events");
        mapped.put("index.mapping", "_internal.events:internal-events");
        assertThat(errors(mapped, "index.mapping")).isEmpty();
    }

    @Test
    void enumeratedSettingsAcceptOnlyTheirValues() {
        assertThat(error(with("document.format", "xml"), "document.format"))
                .contains("String must be one of: plain, debezium.mongodb");
        assertThat(error(with("document.id.source", "value"), "document.id.source"))
                .contains("must be 'key' or 'field:<name>'");
        assertThat(error(with("document.id.source", "field:"), "document.id.source"))
                .contains("must be 'key' or 'field:<name>'");
        assertThat(error(with("behavior.on.error", "ignore"), "behavior.on.error"))
                .contains("String must be one of: fail, log");
    }

    @Test
    void numbersMustBeInRange() {
        assertThat(error(with("batch.size", "0"), "batch.size")).contains("Value must be at least 1");
        assertThat(error(with("batch.size", "10001"), "batch.size")).contains("Value must be no more than 10000");
        assertThat(errors(with("batch.size", "many"), "batch.size")).first().asString().contains("Not a number of type INT");
        assertThat(error(with("flush.interval.ms", "-1"), "flush.interval.ms")).contains("Value must be at least 0");
        assertThat(error(with("max.retries", "-2"), "max.retries")).contains("Value must be at least -1");
        assertThat(error(with("retry.backoff.ms", "0"), "retry.backoff.ms")).contains("Value must be at least 1");
        assertThat(error(with("elasticsearch.connection.timeout.ms", "0"), "elasticsearch.connection.timeout.ms"))
                .contains("Value must be at least 1");
        assertThat(error(with("elasticsearch.read.timeout.ms", "0"), "elasticsearch.read.timeout.ms"))
                .contains("Value must be at least 1");
    }

    @Test
    void theLongestBackoffCannotBeShorterThanTheFirst() {
        Map<String, String> props = with("retry.backoff.ms", "5000");
        props.put("retry.backoff.max.ms", "1000");
        assertThat(error(props, "retry.backoff.max.ms")).isEqualTo("must not be less than retry.backoff.ms (5000)");
        assertThatThrownBy(() -> new ElasticsearchSinkConnectorConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessage("retry.backoff.max.ms must not be less than retry.backoff.ms (5000)");
        assertThatThrownBy(() -> new ElasticsearchSinkConnector().start(props)).isInstanceOf(ConfigException.class);
    }

    @Test
    void aPasswordNeedsAUser() {
        Map<String, String> props = with("elasticsearch.password", "secret");
        assertThat(error(props, "elasticsearch.password")).isEqualTo("is set but elasticsearch.username is not");
        props.put("elasticsearch.username", "sink");
        assertThat(errors(props, "elasticsearch.password")).isEmpty();
        assertThat(new ElasticsearchSinkConnectorConfig(props).password()).hasValue("secret");
        assertThat(new ElasticsearchSinkConnectorConfig(props).toString()).doesNotContain("secret");
    }

    @Test
    void everyTaskGetsTheConnectorsSettings() {
        ElasticsearchSinkConnector connector = new ElasticsearchSinkConnector();
        connector.start(valid());
        assertThat(connector.taskConfigs(3)).hasSize(3).allSatisfy(task -> assertThat(task).isEqualTo(valid()));
        assertThat(connector.taskClass()).isEqualTo(ElasticsearchSinkTask.class);
        assertThat(connector.version()).isNotBlank();
    }
}
