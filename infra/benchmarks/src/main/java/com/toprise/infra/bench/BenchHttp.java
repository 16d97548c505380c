package com.toprise.infra.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Blocking HTTP/1.1 with keep-alive (HttpURLConnection) for the load generators: they share the machine's two cores
 * with the platform, and this client costs about half the CPU per request of java.net.http.HttpClient.
 */
final class BenchHttp {

    private final String baseUrl;

    BenchHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Response get(String path, String token) {
        return send("GET", path, null, token, Map.of());
    }

    Response post(String path, String body, String token) {
        return send("POST", path, body, token, Map.of());
    }

    Response send(String method, String path, String body, String token, Map<String, String> headers) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(30000);
            if (token != null) {
                connection.setRequestProperty("Authorization", "Bearer " + token);
            }
            headers.forEach(connection::setRequestProperty);
            if (body != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            // read to the end so the connection goes back to the keep-alive cache
            InputStream stream = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String answer = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            if (stream != null) {
                stream.close();
            }
            return new Response(path, status, answer);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    static Response expect(int status, Response response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.path() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    record Response(String path, int statusCode, String body) {
    }
}
