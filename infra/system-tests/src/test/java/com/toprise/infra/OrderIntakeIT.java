package com.toprise.infra;

import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.Api;
import com.toprise.infra.support.Dealers;
import com.toprise.infra.support.ElasticsearchDocs;
import com.toprise.infra.support.Shop;
import com.toprise.infra.support.Shop.Customer;
import com.toprise.infra.support.OrderRush;
import com.toprise.infra.support.PlatformReadiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order intake end to end through the gateway on the embedded platform: REST → order-service → outbox → Debezium →
 * router → InventoryLevelsTopology → events.order-validated → order-service, with the stock read back from the
 * topology's store and the order from Elasticsearch.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class OrderIntakeIT {

    private static final Duration VERDICT = Duration.ofSeconds(60);

    @Test
    void anOrderIsConfirmedTheStockDropsAndTheOrderReachesElasticsearch(EmbeddedPlatform platform) {
        Shop shop = new Shop(platform);
        Api api = shop.api();
        String sku = shop.product("LIVE", "1499.00");
        String dealer = new Dealers(platform).assignable("560001");
        shop.stock(sku, dealer, 12);
        Customer asha = shop.customer("560001");
        shop.awaitOrderable(asha, sku);
        shop.awaitAddressKnown(asha);

        String key = UUID.randomUUID().toString();
        HttpResponse<String> placed = shop.placeOrder(asha, key, Shop.order(asha.addressId(), Map.of(sku, 2)));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        JsonNode created = Api.json(placed);
        String orderId = created.path("id").asString();
        assertThat(placed.headers().firstValue("Location")).hasValue("/api/orders/" + orderId);
        assertThat(created.path("status").asString()).isEqualTo("CREATED");
        assertThat(created.path("totalAmount").decimalValue()).isEqualByComparingTo("2998.00");

        JsonNode confirmed = shop.awaitVerdict(asha.token(), orderId, VERDICT);
        assertThat(confirmed.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("statusHistory").findValuesAsString("to")).containsExactly("CREATED", "CONFIRMED");
        assertThat(confirmed.path("dealerIds").get(0).asString()).isEqualTo(dealer);

        // the same key again: the same order, not a second one
        HttpResponse<String> retried = shop.placeOrder(asha, key, Shop.order(asha.addressId(), Map.of(sku, 2)));
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(Api.json(retried).path("id").asString()).isEqualTo(orderId);
        JsonNode mine = Api.json(api.get("/api/orders", asha.token()));
        assertThat(mine.path("totalItems").asLong()).isEqualTo(1);

        // the stock of the SKU, from the topology's state store
        Shop.await("available stock of " + sku + " to drop to 10", () -> {
            HttpResponse<String> stock = api.get("/api/inventory/" + sku, shop.adminToken());
            return stock.statusCode() == 200 && Api.json(stock).path("available").asLong() == 10
                    && Api.json(stock).path("reserved").asLong() == 2;
        });

        // the orders index, kept by the sink from cdc.orders.orders
        ElasticsearchDocs elasticsearch = new ElasticsearchDocs(platform.elasticsearchUrl());
        assertThat(elasticsearch.await("orders", orderId,
                doc -> doc.isPresent() && doc.get().path("status").asString().equals("CONFIRMED"), VERDICT))
                .as("order %s confirmed in the orders index", orderId).isTrue();

        // others: a second customer cannot see it; an admin finds it by customer
        Customer ravi = shop.customer("110001");
        assertThat(api.get("/api/orders/" + orderId, ravi.token()).statusCode()).isEqualTo(404);
        assertThat(Api.json(api.get("/api/orders", ravi.token())).path("totalItems").asLong()).isZero();
        JsonNode adminView = Api.json(api.get("/api/orders?customerId=" + asha.id() + "&status=CONFIRMED", shop.adminToken()));
        assertThat(adminView.path("items").findValuesAsString("id")).containsExactly(orderId);
    }

    @Test
    void badInputGetsAClearFieldErrorAndStoresNothing(EmbeddedPlatform platform) {
        Shop shop = new Shop(platform);
        Api api = shop.api();
        String live = shop.product("LIVE", "349.50");
        String draft = shop.product("DRAFT", "99.00");
        Customer asha = shop.customer("560001");
        Customer ravi = shop.customer("400001");
        shop.awaitOrderable(asha, live);
        shop.awaitAddressKnown(asha);
        shop.awaitAddressKnown(ravi);
        Shop.await("order-service to learn " + draft, () -> shop.placeOrder(asha, UUID.randomUUID().toString(),
                Shop.order(asha.addressId(), Map.of(draft, 1))).body().contains("is not on sale"));

        Map<String, String> refusals = new HashMap<>();
        refusals.put("unknown SKU", Shop.order(asha.addressId(), Map.of("NO-SUCH-PART", 1)));
        refusals.put("negative quantity", Shop.order(asha.addressId(), Map.of(live, -2)));
        refusals.put("someone else's address", Shop.order(ravi.addressId(), Map.of(live, 1)));
        refusals.put("a Draft product", Shop.order(asha.addressId(), Map.of(draft, 1)));
        refusals.put("too many units", Shop.order(asha.addressId(), Map.of(live, 101)));
        refusals.put("no lines", "{\"lines\": [], \"deliveryAddressId\": \"%s\"}".formatted(asha.addressId()));
        Map<String, String> expectedField = Map.of("unknown SKU", "lines[0].sku", "negative quantity", "lines[0].quantity",
                "someone else's address", "deliveryAddressId", "a Draft product", "lines[0].sku",
                "too many units", "lines[0].quantity", "no lines", "lines");
        refusals.forEach((what, body) -> {
            HttpResponse<String> refused = shop.placeOrder(asha, UUID.randomUUID().toString(), body);
            assertThat(refused.statusCode()).as(what + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(Api.json(refused).path("errors").findValuesAsString("field")).as(what)
                    .contains(expectedField.get(what));
        });
        HttpResponse<String> keyless = shop.placeOrder(asha, null, Shop.order(asha.addressId(), Map.of(live, 1)));
        assertThat(keyless.statusCode()).as(keyless.body()).isEqualTo(400);
        assertThat(Api.json(keyless).path("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");
        assertThat(api.sendWithHeaders("POST", "/api/orders", "{\"lines\": [", Map.of("Authorization",
                "Bearer " + asha.token(), "Idempotency-Key", UUID.randomUUID().toString())).statusCode()).isEqualTo(400);

        assertThat(Api.json(api.get("/api/orders", asha.token())).path("totalItems").asLong()).as("nothing stored").isZero();

        // a pincode closed after the address was saved: intake learns it from PINCODE_UPDATED and refuses it
        String pincode = shop.servedPincode("Kochi", "Kerala");
        Customer kochi = shop.customer(pincode);
        shop.awaitAddressKnown(kochi);
        assertThat(api.put("/api/pincodes/" + pincode, shop.adminToken(),
                "{\"city\": \"Kochi\", \"state\": \"Kerala\", \"serviceable\": false}").statusCode()).isEqualTo(200);
        // probed with a part that does not exist, so no probe can place an order
        Shop.await("order-service to learn pincode " + pincode + " is closed", () -> shop.placeOrder(kochi,
                UUID.randomUUID().toString(), Shop.order(kochi.addressId(), Map.of("NO-SUCH-PART", 1))).body()
                .contains("is not serviceable"));
        HttpResponse<String> closed = shop.placeOrder(kochi, UUID.randomUUID().toString(),
                Shop.order(kochi.addressId(), Map.of(live, 1)));
        assertThat(closed.statusCode()).isEqualTo(400);
        assertThat(Api.json(closed).path("errors").findValuesAsString("message"))
                .containsExactly("pincode " + pincode + " is not serviceable");
        assertThat(Api.json(api.get("/api/orders", kochi.token())).path("totalItems").asLong()).isZero();
    }

    @Test
    void aCartIsFilledChangedAndCheckedOutIntoOneOrderAndAWishlistKeepsPartsForLater(EmbeddedPlatform platform) {
        Shop shop = new Shop(platform);
        Api api = shop.api();
        String pads = shop.product("LIVE", "1499.00");
        String filter = shop.product("LIVE", "349.50");
        String upcoming = shop.product("DRAFT", "99.00");
        String dealer = new Dealers(platform).assignable("560001");
        shop.stock(pads, dealer, 5);
        shop.stock(filter, dealer, 5);
        Customer asha = shop.customer("560001");
        shop.awaitOrderable(asha, pads);
        shop.awaitOrderable(asha, filter);
        shop.awaitAddressKnown(asha);

        assertThat(api.put("/api/cart/items/" + pads, asha.token(), "{\"quantity\": 1}").statusCode()).isEqualTo(200);
        assertThat(api.put("/api/cart/items/" + filter, asha.token(), "{\"quantity\": 3}").statusCode()).isEqualTo(200);
        JsonNode cart = Api.json(api.put("/api/cart/items/" + pads, asha.token(), "{\"quantity\": 2}"));
        assertThat(cart.path("items").findValuesAsString("sku")).containsExactly(pads, filter);
        assertThat(cart.path("total").decimalValue()).isEqualByComparingTo("4046.50");
        assertThat(Api.json(api.delete("/api/cart/items/" + filter, asha.token())).path("items").size()).isEqualTo(1);
        assertThat(api.put("/api/cart/items/" + filter, asha.token(), "{\"quantity\": 0}").statusCode()).isEqualTo(400);
        assertThat(api.put("/api/cart/items/NO-SUCH-PART", asha.token(), "{\"quantity\": 1}").statusCode()).isEqualTo(400);
        assertThat(api.put("/api/cart/items/" + filter, asha.token(), "{\"quantity\": 1}").statusCode()).isEqualTo(200);

        String key = UUID.randomUUID().toString();
        String checkout = "{\"deliveryAddressId\": \"%s\"}".formatted(asha.addressId());
        HttpResponse<String> placed = api.sendWithHeaders("POST", "/api/cart/checkout", checkout,
                Map.of("Authorization", "Bearer " + asha.token(), "Idempotency-Key", key));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = Api.json(placed).path("id").asString();
        assertThat(Api.json(placed).path("lines").findValuesAsString("sku")).containsExactly(pads, filter);
        assertThat(Api.json(api.get("/api/cart", asha.token())).path("items").size()).as("the cart is emptied").isZero();
        HttpResponse<String> retried = api.sendWithHeaders("POST", "/api/cart/checkout", checkout,
                Map.of("Authorization", "Bearer " + asha.token(), "Idempotency-Key", key));
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(Api.json(retried).path("id").asString()).isEqualTo(orderId);
        assertThat(shop.awaitVerdict(asha.token(), orderId, VERDICT).path("status").asString()).isEqualTo("CONFIRMED");

        Shop.await("order-service to learn " + upcoming, () ->
                api.put("/api/wishlist/" + upcoming, asha.token(), "{\"note\": \"for the Swift\"}").statusCode() == 200);
        assertThat(api.put("/api/wishlist/" + pads, asha.token(), null).statusCode()).isEqualTo(200);
        assertThat(api.put("/api/wishlist/" + pads, asha.token(), null).statusCode()).as("idempotent").isEqualTo(200);
        JsonNode wishlist = Api.json(api.get("/api/wishlist?sort=sku,asc", asha.token()));
        assertThat(wishlist.path("totalItems").asLong()).isEqualTo(2);
        assertThat(wishlist.path("items").findValuesAsString("sku")).containsExactlyInAnyOrder(pads, upcoming);
        assertThat(api.delete("/api/wishlist/" + upcoming, asha.token()).statusCode()).isEqualTo(204);
        assertThat(api.delete("/api/wishlist/" + upcoming, asha.token()).statusCode()).isEqualTo(404);
        Customer ravi = shop.customer("110001");
        assertThat(Api.json(api.get("/api/wishlist", ravi.token())).path("totalItems").asLong()).isZero();
    }

    @Test
    void fiftyConcurrentOrdersForTenUnitsConfirmExactlyTen(EmbeddedPlatform platform) throws Exception {
        Shop shop = new Shop(platform);
        String sku = shop.product("LIVE", "2100.00");
        Dealers dealers = new Dealers(platform);
        shop.stock(sku, dealers.assignable("560001"), 6);
        shop.stock(sku, dealers.assignable("560001"), 4);
        OrderRush rush = new OrderRush(shop, sku, 5);

        List<String> orderIds = rush.placeConcurrently(50);
        Map<String, Long> verdicts = rush.verdicts(orderIds);

        assertThat(verdicts).containsEntry("CONFIRMED", 10L).containsEntry("REJECTED", 40L);
        shop.awaitStock(sku, 10, 10, 0);
        OrderRush.assertOneVerdictEach(platform.kafkaBootstrapServers(), orderIds);
    }

    @Test
    void killingTheTopologyMidRunLosesNoOrderAndOversellsNothing(EmbeddedPlatform platform) throws Exception {
        Shop shop = new Shop(platform);
        String sku = shop.product("LIVE", "780.00");
        shop.stock(sku, new Dealers(platform).assignable("560001"), 20);
        OrderRush rush = new OrderRush(shop, sku, 4);

        List<String> orderIds = new ArrayList<>(rush.placeConcurrently(20));
        platform.killComponent("topology"); // SIGKILL: open transactions are aborted, nothing is flushed
        try {
            orderIds.addAll(rush.placeConcurrently(20)); // intake goes on without the topology
        } finally {
            platform.startComponent("topology");
        }
        orderIds.addAll(rush.placeConcurrently(20));

        Map<String, Long> verdicts = rush.verdicts(orderIds);
        assertThat(verdicts).containsEntry("CONFIRMED", 20L).containsEntry("REJECTED", 40L);
        shop.awaitStock(sku, 20, 20, 0);
        OrderRush.assertOneVerdictEach(platform.kafkaBootstrapServers(), orderIds);
        PlatformReadiness.awaitUsable(platform); // the next test, whichever, finds the topology as this one did
    }
}
