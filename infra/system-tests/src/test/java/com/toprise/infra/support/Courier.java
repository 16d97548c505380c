package com.toprise.infra.support;

import com.toprise.infra.fakes.FakeBorzo;
import com.toprise.infra.platform.EmbeddedPlatform;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Borzo as a test sees it through {@link FakeBorzo}, which the platform's order-service books with: what was asked
 * about one fulfilment (Borzo knows our fulfilment only as the drop point's {@code client_order_id}), and the
 * courier's progress on its delivery sent as Borzo's signed callbacks to the gateway. The fake is shared by every
 * test of the JVM, so everything here is looked up by the caller's own fulfilment id.
 */
public final class Courier {

    /** Borzo's delivery statuses that order-service maps: the parcel leaves the dealer, and arrives. */
    public static final String PICKED_UP = "parcel_picked_up";
    public static final String FINISHED = "finished";

    private static final String CALLBACKS = "/api/delivery/borzo/callbacks";

    private final FakeBorzo borzo;
    private final Api api;

    public Courier(FakeBorzo borzo, EmbeddedPlatform platform) {
        this.borzo = borzo;
        this.api = new Api(platform.gatewayUrl());
    }

    /** The bodies of the requests to this endpoint ({@code calculate-order}, {@code create-order}) for the fulfilment. */
    public List<JsonNode> requests(String endpoint, String fulfilmentId) {
        return borzo.requests(endpoint).stream().map(FakeBorzo.Request::body)
                .filter(body -> body != null && fulfilmentId.equals(dropPoint(body).path("client_order_id").asString()))
                .toList();
    }

    /** The drop point of an order request or order: the one carrying our fulfilment id, else the last. */
    public static JsonNode dropPoint(JsonNode order) {
        for (JsonNode point : order.path("points")) {
            if (point.path("client_order_id").isString()) {
                return point;
            }
        }
        return order.path("points").path(order.path("points").size() - 1);
    }

    /** Borzo's order id for the fulfilment's delivery; fails when none was created. */
    public long booking(String fulfilmentId) {
        return borzo.orderIdFor(fulfilmentId).orElseThrow(
                () -> new AssertionError("Borzo has no order for fulfilment " + fulfilmentId));
    }

    /** Borzo's order as it stands now. */
    public JsonNode order(long borzoOrderId) {
        return borzo.order(borzoOrderId).orElseThrow();
    }

    /** Posts a callback body to the gateway's callback URL with this signature, answered as it is. */
    public HttpResponse<String> post(String body, String signature) {
        return api.sendWithHeaders("POST", CALLBACKS, body, Map.of(FakeBorzo.SIGNATURE_HEADER, signature));
    }

    /** Sends one that was sent before again, from the test: its answer with the headers a refusal is judged by. */
    public HttpResponse<String> resend(FakeBorzo.Callback callback) {
        return post(callback.body(), callback.signature());
    }

    /** Posts this body signed with Borzo's callback secret: what Borzo would send, whatever it says. */
    public HttpResponse<String> postSigned(String body) {
        return post(body, borzo.sign(body));
    }

    /** The courier reports this delivery status; the callback must be taken (200, applied). */
    public void reports(String fulfilmentId, String deliveryStatus) {
        FakeBorzo.Callback sent = borzo.sendCallback(booking(fulfilmentId), deliveryStatus);
        assertThat(sent.status()).as(sent.answer()).isEqualTo(200);
        assertThat(Api.JSON.readTree(sent.answer()).path("outcome").asString()).as(sent.answer())
                .isEqualTo("APPLIED");
    }
}
