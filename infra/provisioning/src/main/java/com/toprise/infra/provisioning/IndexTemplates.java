package com.toprise.infra.provisioning;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Installs the composable index templates of {@code connectors/src/main/resources/elasticsearch/index-templates}
 * ({@code <name>.json} → {@code PUT _index_template/<name>}) before the sinks create their indices. Each template
 * is stored with the SHA-256 of its file in {@code _meta.toprise_checksum}: Elasticsearch normalises what it
 * stores (numbers become strings, defaults appear), so comparing the checksum is the reliable way to tell an
 * unchanged template from one to update.
 */
public final class IndexTemplates {

    static final String CHECKSUM_FIELD = "toprise_checksum";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String elasticsearchUrl;

    public IndexTemplates(String elasticsearchUrl) {
        this.elasticsearchUrl = elasticsearchUrl.replaceFirst("/+$", "");
    }

    /** Installs one template unless the cluster holds it with the same checksum; returns the template's name. */
    public String apply(Path file, ProvisioningReport report) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read index template " + file, e);
        }
        String checksum = sha256(content);
        HttpResponse<String> current = send(HttpRequest.newBuilder(uri(name)).GET());
        boolean exists = current.statusCode() == 200;
        if (exists && checksum.equals(installedChecksum(current.body()))) {
            report.add("index template", name, ProvisioningReport.Action.UNCHANGED, "");
            return name;
        }
        ObjectNode template = (ObjectNode) JSON.readTree(content);
        ObjectNode meta = template.has("_meta") ? (ObjectNode) template.get("_meta") : template.putObject("_meta");
        meta.put(CHECKSUM_FIELD, checksum);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(name))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(template))));
        if (response.statusCode() != 200) {
            throw new ProvisioningFailure("Elasticsearch at " + elasticsearchUrl + " refused index template " + file
                    + ": HTTP " + response.statusCode() + " " + response.body());
        }
        report.add("index template", name, exists ? ProvisioningReport.Action.UPDATED
                : ProvisioningReport.Action.CREATED, "from " + file.getFileName());
        return name;
    }

    private static String installedChecksum(String body) {
        JsonNode templates = JSON.readTree(body).path("index_templates");
        return templates.isEmpty() ? null
                : templates.get(0).path("index_template").path("_meta").path(CHECKSUM_FIELD).asString(null);
    }

    private URI uri(String name) {
        return URI.create(elasticsearchUrl + "/_index_template/" + name);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProvisioningFailure("Elasticsearch not reachable at " + elasticsearchUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningFailure("interrupted", e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
