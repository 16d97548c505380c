package com.toprise.connectors.elasticsearch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /** An HTTP answer; {@code fromElasticsearch} false leaves out the product header, as a proxy would. */
    record Response(int status, String contentType, String body, boolean fromElasticsearch, long delayMs) {
    }

    /** How to answer one request. */
    interface Reply extends Function<List<Action>, Response> {
    }

    /** Elasticsearch's own answer for a failed request: a JSON error with this status. */
    static Reply status(int httpStatus) {
        return actions -> new Response(httpStatus, "application/vnd.elasticsearch+json;compatible-with=9",
                "{\"error\": {\"root_cause\": [], \"type\": \"scripted_exception\", \"reason\": \"scripted "
                        + httpStatus + "\"}, \"status\": " + httpStatus + "}", true, 0);
    }

    /** An answer that is not Elasticsearch's: a load balancer's HTML error page, an empty 413... */
    static Reply foreign(int httpStatus, String body) {
        return actions -> new Response(httpStatus, "text/html", body, false, 0);
    }

    /** Success for every item, but only after {@code delayMs}. */
    static Reply slow(long delayMs) {
        return actions -> new Response(200, null, itemsBody(actions, ok()), true, delayMs);
    }

    /** Per item: a status and error type; a 2xx status (or 404 for a delete) succeeds. */
    static Reply items(Function<Action, Map.Entry<Integer, String>> outcome) {
        return actions -> new Response(200, null, itemsBody(actions, outcome), true, 0);
    }

    static Function<Action, Map.Entry<Integer, String>> ok() {
        return action -> Map.entry(action.type().equals("delete") ? 200 : 201, "");
    }

    private final HttpServer server;
    private final List<List<Action>> requests = new CopyOnWriteArrayList<>();
    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();

    BulkProtocolServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void then(Reply reply) {
        script.add(reply);
    }

    List<List<Action>> requests() {
        return requests;
    }

    List<Map<String, List<String>>> headers() {
        return headers;
    }

    List<String> ids(int request) {
        return requests.get(request).stream().map(Action::id).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().endsWith("/_bulk")) {
            send(exchange, status(404).apply(List.of()));
            return;
        }
        List<Action> actions = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(actions);
        headers.add(Map.copyOf(exchange.getRequestHeaders()));
        Reply reply = script.poll();
        send(exchange, (reply == null ? items(ok()) : reply).apply(actions));
    }

    /** The documented bulk response: {"took", "errors", "items": [{"<action>": {"_index", "_id", "status", ...}}]}. */
    private static String itemsBody(List<Action> actions, Function<Action, Map.Entry<Integer, String>> outcome) {
        List<Object> items = new ArrayList<>();
        boolean errors = false;
        for (Action action : actions) {
            Map.Entry<Integer, String> result = outcome.apply(action);
            int status = result.getKey();
            boolean deleteOfMissing = status == 404 && action.type().equals("delete");
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("_index", action.index());
            item.put("_id", action.id());
            if (status >= 300 && !deleteOfMissing) {
                errors = true;
                item.put("status", status);
                item.put("error", Map.of("type", result.getValue(), "reason", "scripted failure of " + action.id()));
            } else {
                item.put("_version", 1);
                item.put("result", deleteOfMissing ? "not_found" : action.type().equals("delete") ? "deleted" : "created");
                item.put("_shards", Map.of("total", 1, "successful", 1, "failed", 0));
                item.put("_seq_no", 0);
                item.put("_primary_term", 1);
                item.put("status", status);
            }
            items.add(Map.of(action.type(), item));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", errors);
        body.put("took", 3);
        body.put("items", items);
        return JSON.writeValueAsString(body);
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

    private static void send(HttpExchange exchange, Response response) throws IOException {
        if (response.delayMs() > 0) {
            try {
                Thread.sleep(response.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", response.contentType() == null
                ? "application/vnd.elasticsearch+json;compatible-with=9" : response.contentType());
        if (response.fromElasticsearch()) {
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        }
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
