package com.toprise.infra.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Installs the composable index templates of {@code connectors/src/main/resources/elasticsearch/index-templates}
 * ({@code <name>.json} → {@code PUT _index_template/<name>}) before the sinks create their indices.
 */
public final class IndexTemplates {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private IndexTemplates() {
    }

    public static List<Path> files(Path projectRoot) {
        return DataDirs.jsonFiles(projectRoot.resolve("connectors/src/main/resources/elasticsearch/index-templates"));
    }

    /** PUTs one template; returns its name. */
    public static String install(String elasticsearchUrl, Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(elasticsearchUrl + "/_index_template/" + name))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Elasticsearch refused index template " + file + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install index template " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
