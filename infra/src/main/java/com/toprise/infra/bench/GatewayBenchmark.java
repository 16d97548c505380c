package com.toprise.infra.bench;

import com.toprise.infra.platform.AdminCredentials;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.platform.PlatformSettings;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The public API's front door on the whole embedded platform: a token-validated GET (/api/users/me: gateway token
 * check, rate-limit check in Redis, user-service's own token check and permission lookup, one MongoDB read) and a
 * login (BCrypt cost 12 by design), each by concurrent closed-loop clients, every request timed. The rate limits stay
 * on, raised so the clients are not refused, so their Redis round trip is part of every measured request (likewise
 * user-service's per-email login throttle).
 * Options: clients=GET clients (16), loginClients=login clients (4), users=signed-in users (16),
 * seconds=measured seconds per phase (30), warmup=seconds of GETs before measuring (120: the gateway and the service
 * need tens of thousands of requests before the JIT has compiled their hot paths; cold, the GET runs at a fifth of
 * its warm rate), loginWarmup=seconds of logins before measuring (10).
 */
final class GatewayBenchmark implements Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "bench password 1";

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public String description() {
        return "token-validated GET and login through the gateway: throughput, P50/P95/P99";
    }

    @Override
    public Map<String, Object> run(PlatformSettings base, Map<String, String> options) throws Exception {
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        int loginClients = Integer.parseInt(options.getOrDefault("loginClients", "4"));
        int users = Integer.parseInt(options.getOrDefault("users", "16"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "120"));
        int loginWarmup = Integer.parseInt(options.getOrDefault("loginWarmup", "10"));
        // the per-email login throttle too: the same few users log in again and again
        Map<String, String> raisedLimits = Map.of("TOPRISE_GATEWAY_RATE_LIMIT_PER_USER", "1000000",
                "TOPRISE_GATEWAY_RATE_LIMIT_PER_IP", "1000000", "TOPRISE_AUTH_LOGIN_ATTEMPTS", "1000000");
        return FreshPlatform.measure(base, true, raisedLimits, platform -> {
            Client client = new Client(platform.gatewayUrl());
            List<String> emails = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
                client.expect(201, client.post("/api/auth/register",
                        "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Bench\"}".formatted(email, PASSWORD), null));
                emails.add(email);
                tokens.add(login(client, email, PASSWORD));
            }
            AdminCredentials admin = AdminCredentials.ensure(platform.settings().dataDir());
            login(client, admin.email(), admin.password());

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("authenticatedGet", phase(platform, clients, warmup, seconds,
                    worker -> () -> client.get("/api/users/me", tokens.get(worker % tokens.size()))));
            result.put("login", phase(platform, loginClients, loginWarmup, seconds, worker -> () -> client.post(
                    "/api/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(
                            emails.get(worker % emails.size()), PASSWORD), null)));
            return result;
        });
    }

    private static String login(Client client, String email, String password) {
        Response response = client.post("/api/auth/login",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password), null);
        client.expect(200, response);
        return JSON.readTree(response.body()).path("accessToken").asString();
    }

    /** Closed loop: each worker sends its next request when the previous one is answered. */
    private static Map<String, Object> phase(EmbeddedPlatform platform, int workers, int warmupSeconds, int seconds,
                                             IntFunction<Request> requests) throws Exception {
        long measureFrom = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
        long until = measureFrom + Duration.ofSeconds(seconds).toNanos();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
        List<List<Double>> latencies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long peakRss = 0;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                List<Double> mine = new ArrayList<>();
                latencies.add(mine);
                Request request = requests.apply(w);
                running.add(pool.submit(() -> {
                    for (long now = System.nanoTime(); now < until; now = System.nanoTime()) {
                        int status;
                        try {
                            Response response = request.send();
                            status = response.statusCode();
                            if (status >= 300 && errorSamples.size() < 5) {
                                errorSamples.add(status + " " + response.body());
                            }
                        } catch (RuntimeException e) {
                            status = -1;
                            if (errorSamples.size() < 5) {
                                errorSamples.add(e.toString());
                            }
                        }
                        long answered = System.nanoTime();
                        if (now >= measureFrom) {
                            mine.add((answered - now) / 1_000_000.0);
                            statuses.merge(status, 1L, Long::sum);
                        }
                    }
                    return null;
                }));
            }
            while (System.nanoTime() < until) {
                Thread.sleep(1000);
                peakRss = Math.max(peakRss, platform.totalRssBytes());
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Double> all = latencies.stream().flatMap(List::stream).toList();
        long ok = statuses.entrySet().stream().filter(e -> e.getKey() >= 200 && e.getKey() < 300)
                .mapToLong(Map.Entry::getValue).sum();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", workers);
        figures.put("seconds", seconds);
        figures.put("requests", all.size());
        figures.put("throughputPerSecond", Math.round(ok * 10.0 / seconds) / 10.0);
        figures.put("statuses", new LinkedHashMap<>(statuses));
        figures.put("errorSamples", List.copyOf(errorSamples));
        figures.put("latencyMs", Stats.summary(all));
        figures.put("platformPeakRssMiB", Math.round(peakRss / 1048576.0));
        return figures;
    }

    private interface Request {
        Response send();
    }

    /**
     * Blocking HTTP/1.1 with keep-alive (HttpURLConnection): the load generator shares the machine's two cores with
     * the platform, and this client costs about half the CPU per request of java.net.http.HttpClient.
     */
    private static final class Client {

        private final String baseUrl;

        Client(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        Response get(String path, String token) {
            return send("GET", path, null, token);
        }

        Response post(String path, String body, String token) {
            return send("POST", path, body, token);
        }

        void expect(int status, Response response) {
            if (response.statusCode() != status) {
                throw new IllegalStateException(response.path() + " answered " + response.statusCode() + ": " + response.body());
            }
        }

        private Response send(String method, String path, String body, String token) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
                connection.setRequestMethod(method);
                connection.setConnectTimeout(5000);
                connection.setReadTimeout(30000);
                if (token != null) {
                    connection.setRequestProperty("Authorization", "Bearer " + token);
                }
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
    }

    private record Response(String path, int statusCode, String body) {
    }
}
