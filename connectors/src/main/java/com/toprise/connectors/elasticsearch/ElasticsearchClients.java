package com.toprise.connectors.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The elasticsearch-java client on its Rest5 transport for the configured URLs, credentials and timeouts. Built
 * from the low-level client rather than {@code ElasticsearchClient.of(...)} because only the low-level builder
 * sets timeouts, and its default response timeout is none at all.
 */
final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    static ElasticsearchClient create(ElasticsearchSinkConnectorConfig config) {
        Rest5ClientBuilder builder = Rest5Client.builder(config.urls())
                .setConnectionConfigCallback(connection -> connection
                        .setConnectTimeout(Timeout.ofMilliseconds(config.connectionTimeoutMs()))
                        .setSocketTimeout(Timeout.ofMilliseconds(config.readTimeoutMs())))
                .setRequestConfigCallback(request -> request
                        .setResponseTimeout(Timeout.ofMilliseconds(config.readTimeoutMs())))
                // the HTTP client would silently send a request again after a 503; BulkWriter retries, with backoff
                .setHttpClientConfigCallback(http -> http.disableAutomaticRetries());
        config.username().ifPresent(user -> builder.setDefaultHeaders(new Header[]{
                new BasicHeader(HttpHeaders.AUTHORIZATION, basic(user, config.password().orElse("")))}));
        return new ElasticsearchClient(new Rest5ClientTransport(builder.build(), new JacksonJsonpMapper()));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
