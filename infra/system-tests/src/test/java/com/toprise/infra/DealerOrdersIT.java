package com.toprise.infra;

import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.Accounts;
import com.toprise.infra.support.Api;
import com.toprise.infra.support.Dealers;
import com.toprise.infra.support.Dealers.Category;
import com.toprise.infra.support.Dealers.ServiceArea;
import com.toprise.infra.support.Shop;
import com.toprise.infra.support.Shop.Customer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dealer's view of orders through the gateway: under the seed's OWN scope it sees the orders with a line allocated
 * to it, and only those, and cannot place orders as a buyer; a customer's view stays its own orders.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class DealerOrdersIT {

    private static final Duration VERDICT = Duration.ofSeconds(60);

    @Test
    void aDealerSeesTheOrdersAllocatedToItAndOnlyThoseWhileCustomersSeeTheirOwn(EmbeddedPlatform platform) {
        Shop shop = new Shop(platform);
        Accounts accounts = new Accounts(platform);
        Api api = shop.api();
        Dealers dealers = new Dealers(platform);
        Api.Session firstDealer = accounts.dealer();
        Api.Session secondDealer = accounts.dealer();
        Category brakes = dealers.category("Brakes");
        String firstDealersPart = shop.product("LIVE", "640.00", brakes.name());
        String secondDealersPart = shop.product("LIVE", "910.00", brakes.name());
        shop.stock(firstDealersPart, firstDealer.userId(), 5);
        shop.stock(secondDealersPart, secondDealer.userId(), 5);
        String pincode = shop.servedPincode("Bengaluru", "Karnataka");
        for (Api.Session dealer : List.of(firstDealer, secondDealer)) {
            dealers.assignable(dealer.userId(), brakes.id(), "560001", ServiceArea.pincodes(pincode));
        }
        Customer first = shop.customer(pincode);
        Customer second = shop.customer(pincode);
        for (Customer customer : List.of(first, second)) {
            shop.awaitAddressKnown(customer);
            shop.awaitOrderable(customer, firstDealersPart);
            shop.awaitOrderable(customer, secondDealersPart);
        }

        String toFirstDealer = confirmedOrder(shop, first, firstDealersPart);
        String toSecondDealer = confirmedOrder(shop, second, secondDealersPart);

        assertThat(orderIds(api, firstDealer.accessToken())).contains(toFirstDealer).doesNotContain(toSecondDealer);
        assertThat(orderIds(api, secondDealer.accessToken())).contains(toSecondDealer).doesNotContain(toFirstDealer);
        assertThat(api.get("/api/orders/" + toFirstDealer, firstDealer.accessToken()).statusCode()).isEqualTo(200);
        HttpResponse<String> othersOrder = api.get("/api/orders/" + toSecondDealer, firstDealer.accessToken());
        assertThat(othersOrder.statusCode()).isEqualTo(404);
        assertThat(othersOrder.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(orderIds(api, firstDealer.accessToken(), "?customerId=" + second.id()))
                .as("a customer filter does not widen a dealer's scope").doesNotContain(toSecondDealer);

        HttpResponse<String> placedByDealer = api.sendWithHeaders("POST", "/api/orders",
                Shop.order(first.addressId(), Map.of(firstDealersPart, 1)),
                Map.of("Authorization", "Bearer " + firstDealer.accessToken(),
                        "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placedByDealer.statusCode()).as(placedByDealer.body()).isEqualTo(403);

        assertThat(orderIds(api, first.token())).contains(toFirstDealer).doesNotContain(toSecondDealer);
        assertThat(orderIds(api, second.token())).contains(toSecondDealer).doesNotContain(toFirstDealer);
        assertThat(api.get("/api/orders/" + toSecondDealer, first.token()).statusCode()).isEqualTo(404);
    }

    /** One unit of the part, placed by the customer and confirmed by the inventory topology; returns its id. */
    private static String confirmedOrder(Shop shop, Customer customer, String sku) {
        HttpResponse<String> placed = shop.placeOrder(customer, UUID.randomUUID().toString(),
                Shop.order(customer.addressId(), Map.of(sku, 1)));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String id = Api.json(placed).path("id").asString();
        assertThat(shop.awaitVerdict(customer.token(), id, VERDICT).path("status").asString()).isEqualTo("CONFIRMED");
        return id;
    }

    private static List<String> orderIds(Api api, String token) {
        return orderIds(api, token, "");
    }

    private static List<String> orderIds(Api api, String token, String query) {
        HttpResponse<String> listed = api.get("/api/orders" + query + (query.isEmpty() ? "?" : "&") + "size=100", token);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode order : Api.json(listed).path("items")) {
            ids.add(order.path("id").asString());
        }
        return ids;
    }
}
