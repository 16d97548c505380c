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
 * Which dealer the inventory topology gives an order, end to end through the gateway: real dealer accounts set up
 * by an admin (categories) and with a profile (business address, service area), placed by user-service at their
 * address pincode's centroid (the test platform's geocoder, FakeNominatim, knows none of these streets, so
 * user-service falls back to the centroid), the customer likewise at 560001, and the assignment read back from
 * order-service. Nearer wins over more stock; carrying the product's category and
 * serving the delivery are conditions, not preferences.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class DealerAssignmentIT {

    private static final Duration VERDICT = Duration.ofSeconds(60);
    /** Bengaluru's other seeded pincode: its centroid is some 5 km from 560001's. */
    private static final String NEAR = "560034";
    /** Chennai: some 290 km from Bengaluru. */
    private static final String FAR = "600001";

    @Test
    void anOrderGoesToTheNearestDealerCarryingItsCategoryAndWholeToTheNextWhenTheNearestCannotFillIt(
            EmbeddedPlatform platform) {
        Shop shop = new Shop(platform);
        Dealers dealers = new Dealers(platform);
        Accounts accounts = new Accounts(platform);
        Category brakes = dealers.category("Brakes");
        Category lighting = dealers.category("Lighting");
        String near = accounts.dealer().userId();
        String far = accounts.dealer().userId();
        String nextDoor = accounts.dealer().userId();
        dealers.assignable(near, brakes.id(), NEAR, ServiceArea.radius(50));
        dealers.assignable(far, brakes.id(), FAR, ServiceArea.radius(400));
        // at the customer's own pincode with the most stock: it would win every ranking but carries other parts
        dealers.assignable(nextDoor, lighting.id(), "560001", ServiceArea.pincodes("560001"));
        JsonNode nearLocation = dealers.known(near).orElseThrow().path("location");
        JsonNode farLocation = dealers.known(far).orElseThrow().path("location");
        assertThat(nearLocation.path("latitude").isNumber()).as("near dealer placed: " + nearLocation).isTrue();
        assertThat(farLocation.path("latitude").isNumber()).as("far dealer placed: " + farLocation).isTrue();
        assertThat(nearLocation).isNotEqualTo(farLocation);

        String sku = shop.product("LIVE", "1200.00", brakes.name());
        shop.stock(sku, near, 2);
        shop.stock(sku, far, 10);
        shop.stock(sku, nextDoor, 50);
        Customer asha = shop.customer("560001");
        shop.awaitOrderable(asha, sku);
        shop.awaitAddressKnown(asha);

        JsonNode first = confirmedOrder(shop, asha, sku, 1);
        assertThat(strings(first.path("dealerIds"))).containsExactly(near);
        assertThat(first.path("lines").get(0).path("allocations").findValuesAsString("dealerId"))
                .containsExactly(near);

        // one unit left near: a line goes whole to the first dealer that can fill it alone, not split
        JsonNode second = confirmedOrder(shop, asha, sku, 2);
        assertThat(strings(second.path("dealerIds"))).containsExactly(far);
        JsonNode allocations = second.path("lines").get(0).path("allocations");
        assertThat(allocations.size()).as(allocations.toString()).isEqualTo(1);
        assertThat(allocations.get(0).path("quantity").asInt()).isEqualTo(2);
        shop.awaitStock(sku, 62, 3, 59);
    }

    @Test
    void withNoDealerCarryingTheCategoryAndServingTheDeliveryTheOrderIsRejectedAsNoEligibleDealer(
            EmbeddedPlatform platform) {
        Shop shop = new Shop(platform);
        Dealers dealers = new Dealers(platform);
        Accounts accounts = new Accounts(platform);
        Category brakes = dealers.category("Brakes");
        Category lighting = dealers.category("Lighting");
        String nextDoor = accounts.dealer().userId();
        String outOfReach = accounts.dealer().userId();
        dealers.assignable(nextDoor, lighting.id(), "560001", ServiceArea.pincodes("560001"));
        dealers.assignable(outOfReach, brakes.id(), FAR, ServiceArea.radius(50));
        String sku = shop.product("LIVE", "640.00", brakes.name());
        shop.stock(sku, nextDoor, 5);
        shop.stock(sku, outOfReach, 5);
        Customer ravi = shop.customer("560001");
        shop.awaitOrderable(ravi, sku);
        shop.awaitAddressKnown(ravi);

        String orderId = placed(shop, ravi, sku, 1);
        JsonNode rejected = shop.awaitVerdict(ravi.token(), orderId, VERDICT);

        assertThat(rejected.path("status").asString()).as(rejected.toString()).isEqualTo("REJECTED");
        assertThat(rejected.path("statusHistory").findValuesAsString("to")).containsExactly("CREATED", "REJECTED");
        assertThat(rejected.path("statusHistory").get(1).path("reason").asString()).contains("NO_ELIGIBLE_DEALER");
        assertThat(rejected.path("lines").get(0).path("rejection").asString()).isEqualTo("NO_ELIGIBLE_DEALER");
        assertThat(rejected.path("dealerIds").isEmpty()).as("no dealer assigned").isTrue();
        shop.awaitStock(sku, 10, 0, 10);
    }

    private static JsonNode confirmedOrder(Shop shop, Customer customer, String sku, int quantity) {
        String id = placed(shop, customer, sku, quantity);
        JsonNode order = shop.awaitVerdict(customer.token(), id, VERDICT);
        assertThat(order.path("status").asString()).as(order.toString()).isEqualTo("CONFIRMED");
        return order;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static String placed(Shop shop, Customer customer, String sku, int quantity) {
        HttpResponse<String> placed = shop.placeOrder(customer, UUID.randomUUID().toString(),
                Shop.order(customer.addressId(), Map.of(sku, quantity)));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return Api.json(placed).path("id").asString();
    }
}
