package com.toprise.infra.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The public REST API as a client sees it: requests through the gateway, with or without a bearer token. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null);
    }

    public HttpResponse<String> post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    public HttpResponse<String> put(String path, String token, String body) {
        return send("PUT", path, token, body);
    }

    public HttpResponse<String> delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public HttpResponse<String> send(String method, String path, String token, String body) {
        return sendWithHeaders(method, path, body, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    public HttpResponse<String> sendWithHeaders(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Logs in and returns the token response; fails the test when the login is refused. */
    public Session login(String email, String password) {
        HttpResponse<String> response = post("/api/auth/login", null,
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password));
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + email + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode tokens = json(response);
        String access = tokens.path("accessToken").asString();
        String userId = json(get("/api/users/me", access)).path("id").asString();
        return new Session(userId, email, access, tokens.path("refreshToken").asString());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** A logged-in user. */
    public record Session(String userId, String email, String accessToken, String refreshToken) {
    }
}
