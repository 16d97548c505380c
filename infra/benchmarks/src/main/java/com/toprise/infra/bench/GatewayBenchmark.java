package com.toprise.infra.bench;

import com.toprise.infra.platform.AdminCredentials;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.platform.PlatformSettings;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
            BenchHttp client = new BenchHttp(platform.gatewayUrl());
            List<String> emails = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
                BenchHttp.expect(201, client.post("/api/auth/register",
                        "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Bench\"}".formatted(email, PASSWORD), null));
                emails.add(email);
                tokens.add(login(client, email, PASSWORD));
            }
            AdminCredentials admin = AdminCredentials.ensure(platform.settings().dataDir());
            login(client, admin.email(), admin.password());

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("authenticatedGet", ClosedLoop.run(platform, clients, warmup, seconds,
                    worker -> () -> client.get("/api/users/me", tokens.get(worker % tokens.size()))));
            result.put("login", ClosedLoop.run(platform, loginClients, loginWarmup, seconds, worker -> () -> client.post(
                    "/api/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(
                            emails.get(worker % emails.size()), PASSWORD), null)));
            return result;
        });
    }

    private static String login(BenchHttp client, String email, String password) {
        BenchHttp.Response response = BenchHttp.expect(200, client.post("/api/auth/login",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password), null));
        return JSON.readTree(response.body()).path("accessToken").asString();
    }
}
