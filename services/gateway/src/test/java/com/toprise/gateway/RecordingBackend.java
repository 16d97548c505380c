package com.toprise.gateway;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** A real HTTP server in place of the services behind the gateway. */
final class RecordingBackend {

    private RecordingBackend() {
    }

    /**
     * Answers 200 to everything, echoing the request id as the services do, and remembers the headers each request
     * id arrived with.
     */
    static HttpServer start(Map<String, Map<String, String>> seen) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                Map<String, String> headers = new ConcurrentHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                seen.put(headers.getOrDefault("x-request-id", "none"), headers);
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("X-Request-Id", headers.getOrDefault("x-request-id", "none"));
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers 200 only after {@code delay}, each request on its own thread, as a service stuck on a slow dependency
     * does: the gateway must give up on it at its response timeout.
     */
    static HttpServer slow(Duration delay) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                try {
                    Thread.sleep(delay.toMillis());
                    exchange.sendResponseHeaders(200, -1);
                } catch (InterruptedException | IOException e) {
                    // the gateway gave up and closed the connection: nobody reads this answer
                } finally {
                    exchange.close();
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
