package com.toprise.infra;

import com.toprise.infra.components.KafkaBroker;
import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.UniqueIds;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's Kafka Connect worker in distributed mode: a connector deployed and removed over its REST API. */
@ExtendWith(EmbeddedPlatformExtension.class)
class ConnectWorkerIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void deploysAndRemovesAConnectorThroughTheRestApi(EmbeddedPlatform platform) throws Exception {
        String id = UniqueIds.hex(8).toLowerCase();
        String topic = "it.connect.lines-" + id;
        String connector = "it-file-sink-" + id;
        try (Admin admin = KafkaBroker.admin(platform.kafkaBootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(20, TimeUnit.SECONDS);
        }
        String sinkFile = platform.settings().dataDir().resolve("connect/" + connector + ".txt").toString();
        String config = """
                {"name": "%s", "config": {
                  "connector.class": "org.apache.kafka.connect.file.FileStreamSinkConnector",
                  "tasks.max": "1", "topics": "%s", "file": "%s"}}""".formatted(connector, topic, sinkFile);

        HttpResponse<String> created = send(HttpRequest.newBuilder(uri(platform, "/connectors"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(config)));
        assertThat(created.statusCode()).isEqualTo(201);

        assertThat(awaitState(platform, connector)).isEqualTo("RUNNING");
        assertThat(send(HttpRequest.newBuilder(uri(platform, "/connectors")).GET()).body()).contains(connector);

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri(platform, "/connectors/" + connector)).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(uri(platform, "/connectors/" + connector)).GET()).statusCode())
                .isEqualTo(404);
        // the worker keeps its config in Kafka, the distributed-mode contract connectors rely on
        try (Admin admin = KafkaBroker.admin(platform.kafkaBootstrapServers())) {
            assertThat(admin.listTopics().names().get()).containsAll(Set.of("connect-configs", "connect-offsets", "connect-status"));
        }
    }

    private String awaitState(EmbeddedPlatform platform, String connector) throws Exception {
        String body = "";
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> status = send(HttpRequest.newBuilder(uri(platform, "/connectors/" + connector + "/status")).GET());
            body = status.body();
            if (status.statusCode() == 200 && body.contains("\"tasks\":[{") && body.contains("RUNNING")) {
                return "RUNNING";
            }
            Thread.sleep(500);
        }
        return body;
    }

    private URI uri(EmbeddedPlatform platform, String path) {
        return URI.create(platform.connectUrl() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
