package com.toprise.infra.fakes;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FakeBorzo's own behaviour that clients rely on: the envelope and error shape of its endpoints, its token check,
 * and callbacks signed over the exact bytes sent, a tampered one not, a replay byte for byte the same.
 */
class FakeBorzoTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORDER = "{\"matter\":\"Brake pads\",\"points\":["
            + "{\"address\":\"12 MG Road\",\"contact_person\":{\"phone\":\"+919800000001\"}},"
            + "{\"address\":\"4 Residency Road\",\"contact_person\":{\"phone\":\"+919800000002\"},"
            + "\"client_order_id\":\"o-1-1\"}]}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private FakeBorzo borzo;
    private HttpServer receiver;

    @BeforeEach
    void start() throws IOException {
        borzo = FakeBorzo.start("token", "secret");
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/callbacks", exchange -> {
            received.add(new String[] {new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst(FakeBorzo.SIGNATURE_HEADER)});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        borzo.callbackUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/callbacks");
    }

    @AfterEach
    void stop() {
        borzo.close();
        receiver.stop(0);
    }

    @Test
    void answersTheBaseAndChecksTheToken() throws Exception {
        assertThat(call("GET", "", null, null).path("is_successful").asBoolean()).isTrue();
        HttpResponse<String> wrong = send("POST", "/create-order", ORDER, "stolen");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).path("errors").get(0).asString()).isEqualTo("invalid_auth_token");
    }

    @Test
    void refusesAnOrderWithoutPhoneOrSecondPointInBorzosShape() throws Exception {
        HttpResponse<String> noPhone = send("POST", "/create-order", ORDER.replace("+919800000002", ""), "token");
        assertThat(noPhone.statusCode()).isEqualTo(400);
        JsonNode answer = JSON.readTree(noPhone.body());
        assertThat(answer.path("is_successful").asBoolean()).isFalse();
        assertThat(answer.path("errors").get(0).asString()).isEqualTo("invalid_parameters");
        assertThat(answer.path("parameter_errors").path("points").get(0).isNull()).isTrue();
        assertThat(answer.path("parameter_errors").path("points").get(1).path("contact_person").path("phone")
                .get(0).asString()).isEqualTo("required");
        HttpResponse<String> onePoint = send("POST", "/calculate-order", "{\"points\":[{\"address\":\"x\"}]}",
                "token");
        assertThat(onePoint.statusCode()).isEqualTo(400);
        assertThat(borzo.requests("create-order")).hasSize(1);
    }

    @Test
    void createsReadsAndCancelsAnOrder() throws Exception {
        long id = call("POST", "/create-order", ORDER, "token").path("order").path("order_id").asLong();
        assertThat(borzo.orderIdFor("o-1-1")).contains(id);
        assertThat(call("GET", "/orders?order_id=" + id, null, "token").path("orders").get(0).path("status")
                .asString()).isEqualTo("new");
        assertThat(call("POST", "/cancel-order", "{\"order_id\":" + id + "}", "token").path("order").path("status")
                .asString()).isEqualTo("canceled");
        assertThat(send("POST", "/cancel-order", "{\"order_id\":" + id + "}", "token").statusCode()).isEqualTo(400);
    }

    @Test
    void signsCallbacksOverTheBytesSentTampersAndReplays() throws Exception {
        long id = call("POST", "/create-order", ORDER, "token").path("order").path("order_id").asLong();
        FakeBorzo.Callback sent = borzo.sendCallback(id, "parcel_picked_up");
        FakeBorzo.Callback tampered = borzo.sendTamperedCallback(id, "finished");
        FakeBorzo.Callback replayed = borzo.replayLastCallback();

        assertThat(received).hasSize(3);
        assertThat(received.get(0)[1]).isEqualTo(borzo.sign(received.get(0)[0])).isEqualTo(sent.signature());
        JsonNode delivery = JSON.readTree(received.get(0)[0]).path("delivery");
        assertThat(delivery.path("status").asString()).isEqualTo("parcel_picked_up");
        assertThat(delivery.path("client_order_id").asString()).isEqualTo("o-1-1");
        assertThat(delivery.path("order_id").asLong()).isEqualTo(id);
        assertThat(received.get(1)[1]).isNotEqualTo(borzo.sign(received.get(1)[0])).isEqualTo(tampered.signature());
        assertThat(received.get(2)).containsExactly(received.get(1));
        assertThat(replayed.status()).isEqualTo(200);
        // the forged "finished" moved nothing: the order is where the genuine pick-up left it
        assertThat(borzo.order(id).orElseThrow().path("status").asString()).isEqualTo("active");
    }

    @Test
    void timesEachOrdersEventsApartButNotOtherOrders() throws Exception {
        long first = call("POST", "/create-order", ORDER, "token").path("order").path("order_id").asLong();
        long second = call("POST", "/create-order", ORDER.replace("o-1-1", "o-2-1"), "token").path("order")
                .path("order_id").asLong();
        assertThat(borzo.orderIdFor("o-1-1")).contains(first);
        assertThat(borzo.orderIdFor("o-2-1")).contains(second);

        OffsetDateTime before = OffsetDateTime.now().withNano(0);
        OffsetDateTime pickedUp = eventAt(borzo.sendCallback(first, "parcel_picked_up"));
        OffsetDateTime finished = eventAt(borzo.sendCallback(first, "finished"));
        OffsetDateTime other = eventAt(borzo.sendCallback(second, "parcel_picked_up"));

        assertThat(finished).isAfter(pickedUp);
        // another order's event is not pushed behind the first order's: it keeps the present second
        assertThat(other).isBetween(before, OffsetDateTime.now().plusSeconds(1));
    }

    private static OffsetDateTime eventAt(FakeBorzo.Callback callback) {
        return OffsetDateTime.parse(JSON.readTree(callback.body()).path("event_datetime").asString());
    }

    private JsonNode call(String method, String path, String body, String token) throws Exception {
        HttpResponse<String> response = send(method, path, body, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(borzo.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header(FakeBorzo.AUTH_HEADER, token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
