package com.toprise.gateway;

import com.toprise.common.security.AccessTokens;
import com.toprise.common.security.JwtProperties;
import com.toprise.common.security.PemKeys;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Map;

/**
 * What the gateway's context tests share: a signing key pair like user-service's, a real Redis on a free port,
 * a port nothing listens on, and a client that sends one request to the gateway under test.
 */
final class GatewayTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private GatewayTestSupport() {
    }

    static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String publicKeyPem(KeyPair keys) {
        return PemKeys.toPem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    /** Issues tokens as user-service does, with this key pair and clock. */
    static AccessTokens tokens(KeyPair keys, Clock clock) {
        return new AccessTokens(new JwtProperties("toprise", "toprise-api", publicKeyPem(keys),
                PemKeys.toPem("PRIVATE KEY", keys.getPrivate().getEncoded()), null, null), clock);
    }

    /** A port that was free a moment ago: nothing listens there unless the test starts something on it. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RedisServer startRedis(int port) {
        try {
            RedisServer server = new RedisServer(port);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> send(int gatewayPort, String method, String path, String body,
                                     Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String requestIdOf(HttpResponse<String> response) {
        return response.headers().firstValue("X-Request-Id").orElseThrow();
    }
}
