package com.toprise.connectors.elasticsearch;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps Elasticsearch indices in sync with Kafka topics: plain JSON documents or Debezium MongoDB change events,
 * indexed by id in bulk, deleted on tombstones and deletes; see {@link ElasticsearchSinkConnectorConfig}.
 */
public class ElasticsearchSinkConnector extends SinkConnector {

    /** The jar's Implementation-Version, so the worker's /connector-plugins shows which build it loaded. */
    static final String VERSION = Optional.ofNullable(ElasticsearchSinkConnector.class.getPackage().getImplementationVersion())
            .orElse("dev");

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new ElasticsearchSinkConnectorConfig(props); // fail the connector, not its tasks, on a bad config
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ElasticsearchSinkTask.class;
    }

    /** Every task gets the same settings: Connect spreads the topic partitions among them. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
        // nothing held
    }

    @Override
    public ConfigDef config() {
        return ElasticsearchSinkConnectorConfig.CONFIG_DEF;
    }

    /** ConfigDef checks each setting alone; rules between settings are added to the setting they concern. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        boolean eachValid = config.configValues().stream().allMatch(value -> value.errorMessages().isEmpty());
        if (eachValid) {
            Map<String, String> errors = ElasticsearchSinkConnectorConfig.crossFieldErrors(connectorConfigs);
            for (ConfigValue value : config.configValues()) {
                Optional.ofNullable(errors.get(value.name())).ifPresent(value::addErrorMessage);
            }
        }
        return config;
    }

    @Override
    public String version() {
        return VERSION;
    }
}
