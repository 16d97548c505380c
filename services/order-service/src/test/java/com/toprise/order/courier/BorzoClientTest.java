package com.toprise.order.courier;

import com.toprise.infra.fakes.FakeBorzo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** BorzoClient against a local server that speaks Borzo's API: what it sends, what it reads, how it fails. */
class BorzoClientTest {

    static final String TOKEN = "borzo-test-token";
    static final String SECRET = "borzo-callback-secret";

    private FakeBorzo borzo;
    private BorzoClient client;

    @BeforeEach
    void start() {
        borzo = FakeBorzo.start(TOKEN, SECRET);
        client = client(borzo.baseUrl(), TOKEN);
    }

    @AfterEach
    void stop() {
        borzo.close();
    }

    @Test
    void pricesBooksReadsAndCancelsAnOrder() {
        BorzoOrder quote = client.calculate(DeliveryTest.REQUEST);
        assertThat(quote.orderId()).isNull();
        assertThat(quote.deliveryFee()).isPositive();

        BorzoOrder created = client.create(DeliveryTest.REQUEST);
        assertThat(created.orderId()).isNotBlank();
        assertThat(created.deliveryFee()).isEqualByComparingTo(quote.deliveryFee());
        assertThat(created.pointFor("o-1-1").trackingUrl()).startsWith("http://127.0.0.1:");
        assertThat(client.get(created.orderId())).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo("new"));
        assertThat(client.get("999999")).isEmpty();

        assertThat(client.cancel(created.orderId()).status()).isEqualTo("canceled");

        FakeBorzo.Request create = borzo.requests("create-order").get(0);
        assertThat(create.authToken()).isEqualTo(TOKEN);
        assertThat(create.body().path("vehicle_type_id").asInt()).isEqualTo(8);
        assertThat(create.body().path("total_weight_kg").asInt()).isEqualTo(2);
        assertThat(create.body().path("points").get(0).path("contact_person").path("phone").asString())
                .isEqualTo("+919800000001");
        assertThat(create.body().path("points").get(1).path("client_order_id").asString()).isEqualTo("o-1-1");
        assertThat(create.body().path("points").get(1).path("note").asString()).isEqualTo("Gate 2");
        assertThat(borzo.requests("cancel-order").get(0).body().path("order_id").isIntegralNumber()).isTrue();
    }

    @Test
    void aRefusedOrderCarriesBorzosErrorsAndFieldErrors() {
        DeliveryRequest noPhone = new DeliveryRequest("o-2-1", "o-2", DeliveryTest.REQUEST.pickup(),
                new Stop("4 Residency Road", null, null, "Asha", " ", null), 1, BigDecimal.ZERO);
        BorzoException refused = catchThrowableOfType(BorzoException.class, () -> client.create(noPhone));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.errors()).containsExactly("invalid_parameters");
        assertThat(refused.parameterErrors()).containsExactly(
                Map.entry("points[1].contact_person.phone", List.of("required")));
        assertThat(borzo.requests("create-order")).hasSize(1);
    }

    @Test
    void aWrongOrMissingTokenIs401AndNotTheRequestsFault() {
        BorzoException wrong = catchThrowableOfType(BorzoException.class,
                () -> client(borzo.baseUrl(), "stolen").calculate(DeliveryTest.REQUEST));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errors()).containsExactly("invalid_auth_token");
        assertThat(wrong.refused()).isFalse();
        BorzoException missing = catchThrowableOfType(BorzoException.class,
                () -> client(borzo.baseUrl(), "").get("1001"));
        assertThat(missing.errors()).containsExactly("required_auth_token");
    }

    @Test
    void noAnswerIsStatusZero() {
        String url = borzo.baseUrl();
        borzo.close();
        BorzoException down = catchThrowableOfType(BorzoException.class, () -> client(url, TOKEN).get("1001"));
        assertThat(down.status()).isZero();
        assertThat(down.refused()).isFalse();
    }

    static BorzoClient client(String baseUrl, String token) {
        return new BorzoClient(new BorzoProperties(URI.create(baseUrl), token, SECRET, 8, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofMinutes(2)), JsonMapper.builder().build());
    }
}
