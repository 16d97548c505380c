package com.toprise.connectors.elasticsearch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local HTTP server speaking Elasticsearch's documented {@code _bulk} protocol (NDJSON action/source lines in,
 * one result item per action out, with the product header the Java client checks), so the sink's retry and
 * error handling can be driven item by item. Each request is answered by the next scripted reply, or by
 * success for every item when the script is empty.
 */
final class BulkProtocolServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One action of a received bulk request: its type ("index", "delete"), id and, for index, its source. */
    record Action(String type, String index, String id, JsonNode source) {
    }

    /** How to answer one request: an HTTP status for the whole request, or a status per action. */
    interface Reply extends Function<List<Action>, Object> {
    }

    static Reply status(int httpStatus) {
        return actions -> httpStatus;
    }

    /** Per item: status 2xx succeeds, others fail with the given error type. */
    static Reply items(Function<Action, Map.Entry<Integer, String>> outcome) {
        return actions -> actions.stream().map(outcome).toList();
    }

    private final HttpServer server;
    private final List<List<Action>> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();

    BulkProtocolServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void then(Reply reply) {
        script.add(reply);
    }

    List<List<Action>> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().endsWith("/_bulk")) {
            send(exchange, 404, "{\"error\": \"only _bulk here\", \"status\": 404}");
            return;
        }
        List<Action> actions = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(actions);
        Reply reply = script.poll();
        Object answer = reply == null ? null : reply.apply(actions);
        if (answer instanceof Integer status) {
            send(exchange, status, "{\"error\": {\"type\": \"unavailable\", \"reason\": \"scripted " + status
                    + "\"}, \"status\": " + status + "}");
            return;
        }
        @SuppressWarnings("unchecked")
        List<Map.Entry<Integer, String>> outcomes = answer == null
                ? actions.stream().map(a -> Map.entry(a.type().equals("delete") ? 200 : 201, "")).toList()
                : (List<Map.Entry<Integer, String>>) answer;
        List<Object> items = new ArrayList<>();
        boolean errors = false;
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            int status = outcomes.get(i).getKey();
            var item = new java.util.LinkedHashMap<String, Object>();
            item.put("_index", action.index());
            item.put("_id", action.id());
            item.put("status", status);
            if (status >= 300 && !(status == 404 && action.type().equals("delete"))) {
                errors = true;
                item.put("error", Map.of("type", outcomes.get(i).getValue(), "reason", "scripted failure of " + action.id()));
            } else {
                item.put("result", status == 404 ? "not_found" : action.type().equals("delete") ? "deleted" : "created");
                item.put("_version", 1);
            }
            items.add(Map.of(action.type(), item));
        }
        send(exchange, 200, JSON.writeValueAsString(Map.of("took", 1, "errors", errors, "items", items)));
    }

    private static List<Action> parse(String ndjson) {
        List<Action> actions = new ArrayList<>();
        String[] lines = ndjson.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            JsonNode line = JSON.readTree(lines[i]);
            String type = line.propertyNames().iterator().next();
            JsonNode meta = line.path(type);
            JsonNode source = type.equals("delete") ? null : JSON.readTree(lines[++i]);
            actions.add(new Action(type, meta.path("_index").asString(), meta.path("_id").asString(), source));
        }
        return actions;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.elasticsearch+json;compatible-with=9");
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
