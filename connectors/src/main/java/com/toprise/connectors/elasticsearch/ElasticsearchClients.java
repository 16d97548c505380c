package com.toprise.connectors.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/** The elasticsearch-java client (its default Rest5 transport) for the configured URLs and credentials. */
final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    static ElasticsearchClient create(ElasticsearchSinkConnectorConfig config) {
        return ElasticsearchClient.of(b -> {
            b.hosts(config.urls());
            config.username().ifPresent(user -> b.usernameAndPassword(user, config.password().orElse("")));
            return b;
        });
    }
}
