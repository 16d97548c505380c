package com.toprise.connectors.elasticsearch;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Keeps Elasticsearch indices in sync with Kafka topics: plain JSON documents or Debezium MongoDB change events,
 * indexed by id in bulk, deleted on tombstones and deletes; see {@link ElasticsearchSinkConnectorConfig}.
 */
public class ElasticsearchSinkConnector extends SinkConnector {

    static final String VERSION = "0.1.0";

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

    @Override
    public String version() {
        return VERSION;
    }
}
