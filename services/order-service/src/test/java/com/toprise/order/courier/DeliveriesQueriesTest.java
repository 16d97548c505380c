package com.toprise.order.courier;

import com.toprise.common.test.IndexedMongo;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ServiceUnavailableException;
import com.toprise.infra.fakes.FakeBorzo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deliveries and the callbacks on the indexed store, booked with a local server that speaks Borzo's API: a
 * fulfilment is booked once however often it is asked, a failed booking leaves nothing behind, a cancelled one is
 * booked anew; a callback is applied once (the store refuses its replay). The class fails when a query has no
 * declared index.
 */
class DeliveriesQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("orders");

    private FakeBorzo borzo;
    private Deliveries deliveries;

    @BeforeEach
    void start() {
        borzo = FakeBorzo.start(BorzoClientTest.TOKEN, BorzoClientTest.SECRET);
        deliveries = deliveries(BorzoClientTest.TOKEN);
    }

    @AfterEach
    void stop() {
        borzo.close();
    }

    @Test
    void aSecondBookingOfTheSameFulfilmentReturnsTheStoredDeliveryWithoutCallingBorzo() {
        Delivery first = deliveries.book(DeliveryTest.REQUEST);
        Delivery second = deliveries.book(DeliveryTest.REQUEST);

        assertThat(second).isEqualTo(first);
        assertThat(borzo.requests("calculate-order")).hasSize(1);
        assertThat(borzo.requests("create-order")).hasSize(1);
        assertThat(first.borzoOrderId()).isEqualTo(Long.toString(borzo.orderIdFor("o-1-1").orElseThrow()));
        assertThat(first.trackingUrl()).isNotBlank();
        assertThat(first.fee()).isPositive();
        assertThat(first.status()).isEqualTo(Delivery.PLANNED);
        assertThat(deliveries.find("o-1-1")).contains(first);
    }

    @Test
    void aFailedBookingLeavesNothingSoTheNextOneBooks() {
        assertThatThrownBy(() -> deliveries("wrong-token").book(DeliveryTest.REQUEST))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(deliveries.find("o-1-1")).isEmpty();

        assertThat(deliveries.book(DeliveryTest.REQUEST).open()).isTrue();
        assertThat(borzo.requests("create-order")).hasSize(1);
    }

    @Test
    void anIncompleteRequestNeverReachesBorzo() {
        DeliveryRequest noPhone = new DeliveryRequest("o-2-1", "o-2", DeliveryTest.REQUEST.pickup(),
                new Stop("4 Residency Road", null, null, "Asha", null, null), 0, BigDecimal.ZERO);
        assertThatThrownBy(() -> deliveries.book(noPhone)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(error -> error.field())
                        .containsExactly("drop.contactPhone", "weightKg"));
        assertThat(borzo.requests()).isEmpty();
        assertThat(deliveries.find("o-2-1")).isEmpty();
    }

    @Test
    void aCancelledDeliveryIsCancelledAtBorzoAndBookedAnewOnTheNextBooking() {
        Delivery first = deliveries.book(DeliveryTest.REQUEST);
        deliveries.cancel("o-1-1", "order cancelled by the customer");
        deliveries.cancel("o-1-1", "twice");
        deliveries.cancel("o-9-1", "never booked");

        assertThat(borzo.requests("cancel-order")).hasSize(1);
        assertThat(borzo.order(Long.parseLong(first.borzoOrderId())).orElseThrow().path("status").asString())
                .isEqualTo("canceled");
        Delivery cancelled = deliveries.find("o-1-1").orElseThrow();
        assertThat(cancelled.status()).isEqualTo(Delivery.CANCELED);
        assertThat(cancelled.cancelReason()).isEqualTo("order cancelled by the customer");

        Delivery again = deliveries.book(DeliveryTest.REQUEST);
        assertThat(again.borzoOrderId()).isNotEqualTo(first.borzoOrderId());
        assertThat(again.cancelledBorzoOrderIds()).containsExactly(first.borzoOrderId());
    }

    @Test
    void aCallbackIsAppliedOnceAndALateOneOfAReplacedBookingIsIgnored() {
        List<String> reported = new ArrayList<>();
        BorzoCallbacks callbacks = callbacks(reported);
        Delivery first = deliveries.book(DeliveryTest.REQUEST);
        String pickedUp = callback(first.borzoOrderId(), "parcel_picked_up", "2026-12-02T15:31:00+05:30");

        assertThat(callbacks.receive(bytes(pickedUp), sign(pickedUp))).isEqualTo(BorzoCallbacks.Outcome.APPLIED);
        assertThat(callbacks.receive(bytes(pickedUp), sign(pickedUp))).isEqualTo(BorzoCallbacks.Outcome.REPLAYED);
        assertThat(reported).containsExactly("pickedUp o-1-1");
        assertThat(deliveries.find("o-1-1").orElseThrow().status()).isEqualTo("parcel_picked_up");

        String canceled = callback(first.borzoOrderId(), "canceled", "2026-12-02T15:40:00+05:30");
        assertThat(callbacks.receive(bytes(canceled), sign(canceled))).isEqualTo(BorzoCallbacks.Outcome.APPLIED);
        deliveries.book(DeliveryTest.REQUEST);
        String late = callback(first.borzoOrderId(), "finished", "2026-12-02T15:50:00+05:30");
        assertThat(callbacks.receive(bytes(late), sign(late))).isEqualTo(BorzoCallbacks.Outcome.IGNORED);
        assertThat(reported).containsExactly("pickedUp o-1-1", "deliveryCancelled o-1-1");
    }

    private Deliveries deliveries(String token) {
        return new Deliveries(store.template(), BorzoClientTest.client(borzo.baseUrl(), token), Duration.ofMinutes(2),
                Clock.systemUTC());
    }

    private static BorzoCallbacks callbacks(List<String> reported) {
        DeliveryProgress recorder = new DeliveryProgress() {
            @Override
            public void pickedUp(String fulfilmentId, Instant at) {
                reported.add("pickedUp " + fulfilmentId);
            }

            @Override
            public void delivered(String fulfilmentId, Instant at) {
                reported.add("delivered " + fulfilmentId);
            }

            @Override
            public void deliveryCancelled(String fulfilmentId, String reason, Instant at) {
                reported.add("deliveryCancelled " + fulfilmentId);
            }
        };
        return new BorzoCallbacks(store.template(), new CallbackSignature(BorzoClientTest.SECRET),
                new StaticListableBeanFactory(Map.of("recorder", recorder)).getBeanProvider(DeliveryProgress.class),
                JsonMapper.builder().build());
    }

    private static String callback(String orderId, String status, String at) {
        return "{\"event_type\":\"delivery_changed\",\"event_datetime\":\"" + at + "\",\"delivery\":{\"order_id\":"
                + orderId + ",\"client_order_id\":\"o-1-1\",\"status\":\"" + status + "\"}}";
    }

    private static String sign(String body) {
        return new CallbackSignature(BorzoClientTest.SECRET).sign(bytes(body));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
