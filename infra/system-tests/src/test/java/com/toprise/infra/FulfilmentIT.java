package com.toprise.infra;

import com.toprise.infra.fakes.FakeBorzo;
import com.toprise.infra.fakes.FakeNominatim;
import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.Api;
import com.toprise.infra.support.Courier;
import com.toprise.infra.support.Dealers;
import com.toprise.infra.support.Dealers.ServiceArea;
import com.toprise.infra.support.FulfilmentScene;
import com.toprise.infra.support.FulfilmentScene.Site;
import com.toprise.infra.support.Fulfilments;
import com.toprise.infra.support.Shop;
import com.toprise.infra.support.UniqueIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * An order's way after CONFIRMED, end to end through the gateway with the stand-ins of the platform's outside
 * world: user-service geocodes through FakeNominatim, order-service books FakeBorzo, whose signed callbacks come
 * back through the gateway. The nearest dealer (by where the geocoder put it) gets the order, accepts, picks and
 * packs it; the courier is priced and booked for exactly that fulfilment; the callbacks ship and deliver it and
 * the shelf loses the parts, in the topology's figures and on product-service's stock document alike. A declined share goes to the next eligible dealer with its reservation; a customer's
 * cancellation gives the stock back and calls the courier off.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class FulfilmentIT {

    @Test
    void theNearestDealerPacksTheOrderAndBorzoShipsAndDeliversItWhileOnHandDropsByTheQuantity(
            EmbeddedPlatform platform, FakeBorzo borzo, FakeNominatim nominatim) {
        // both dealers' business addresses are in 560034, some 5 km from the customer; the geocoder knows that the
        // first one's street is round the corner from the customer, so only geocoding makes it the nearer one (at
        // the centroid both would tie, and the second, holding more, would win)
        String dealerStreet = UniqueIds.hex(6) + " Cunningham Road";
        String customerStreet = UniqueIds.hex(6) + " Residency Road";
        nominatim.register(Map.of("street", dealerStreet), new FakeNominatim.Place(12.9730, 77.5960, dealerStreet));
        nominatim.register(Map.of("street", customerStreet),
                new FakeNominatim.Place(12.9740, 77.5990, customerStreet));
        FulfilmentScene scene = FulfilmentScene.set(platform, customerStreet,
                new Site(dealerStreet, "560034", ServiceArea.radius(50), 5), Site.at("560034", 20));
        Api.Session nearest = scene.dealer(0);
        Fulfilments work = new Fulfilments(platform);
        Courier courier = new Courier(borzo, platform);

        JsonNode customerPlace = scene.customer().location();
        assertThat(customerPlace.path("source").asString()).as(customerPlace.toString()).isEqualTo("GEOCODED");
        assertPoint(customerPlace.path("point"), 12.9740, 77.5990);
        assertPoint(new Dealers(platform).known(nearest.userId()).orElseThrow().path("location"), 12.9730, 77.5960);
        assertThat(nominatim.requests()).anySatisfy(asked -> {
            assertThat(asked.query()).containsEntry("street", dealerStreet).containsEntry("format", "jsonv2");
            assertThat(asked.userAgent()).startsWith("TopRise-Streams/");
        });

        JsonNode order = scene.confirmedOrder(2);
        String orderId = order.path("id").asString();
        assertThat(strings(order.path("dealerIds"))).containsExactly(nearest.userId());
        JsonNode offered = work.awaitOf(nearest.accessToken(), orderId, "OFFERED");
        String fulfilmentId = offered.path("id").asString();
        assertThat(Fulfilments.line(offered, scene.sku()).orElseThrow().path("quantity").asInt()).isEqualTo(2);
        scene.awaitStock(25, 2, 23);

        JsonNode packed = work.acceptPickAndPack(nearest.accessToken(), offered);
        assertThat(packed.path("delivery").path("state").asString()).as(packed.toString()).isEqualTo("BOOKED");
        scene.shop().awaitStatus(scene.customer().token(), orderId, "PACKED");
        assertThat(courier.requests("calculate-order", fulfilmentId)).hasSize(1);
        List<JsonNode> created = courier.requests("create-order", fulfilmentId);
        assertThat(created).hasSize(1);
        JsonNode drop = Courier.dropPoint(created.get(0));
        assertPoint(created.get(0).path("points").get(0), 12.9730, 77.5960);
        assertPoint(drop, 12.9740, 77.5990);
        assertThat(drop.path("address").asString()).contains(customerStreet, "560001");
        assertThat(drop.path("contact_person").path("phone").asString()).isNotBlank();

        courier.reports(fulfilmentId, Courier.PICKED_UP);
        work.awaitStatus(nearest.accessToken(), fulfilmentId, "SHIPPED");
        scene.shop().awaitStatus(scene.customer().token(), orderId, "SHIPPED");
        scene.awaitStock(23, 0, 23);
        assertThat(scene.stockAt(0).path("onHand").asLong()).as("the nearest dealer's shelf").isEqualTo(3);
        assertThat(scene.stockAt(1).path("onHand").asLong()).as("the other dealer's shelf").isEqualTo(20);
        // product-service's stock document follows, so a recount after the shipment does not put the parts back
        Shop.await("the nearest dealer's stock document to lose the 2 shipped parts",
                () -> scene.shop().stockDocument(scene.sku(), nearest.userId()).path("onHand").asLong() == 3);
        scene.shop().stock(scene.sku(), nearest.userId(), 1);
        scene.awaitStock(24, 0, 24);

        courier.reports(fulfilmentId, Courier.FINISHED);
        JsonNode delivered = work.awaitStatus(nearest.accessToken(), fulfilmentId, "DELIVERED");
        assertThat(Fulfilments.steps(delivered))
                .containsExactly("OFFERED", "ACCEPTED", "PACKED", "SHIPPED", "DELIVERED");
        JsonNode done = scene.shop().awaitStatus(scene.customer().token(), orderId, "DELIVERED");
        assertThat(done.path("statusHistory").findValuesAsString("to"))
                .containsExactly("CREATED", "CONFIRMED", "ASSIGNED", "PACKED", "SHIPPED", "DELIVERED");
        assertThat(lineSteps(work.timeline(scene.customer().token(), orderId), scene.sku()))
                .containsExactly("ASSIGNED", "PICKED", "PACKED", "SHIPPED", "DELIVERED");
        scene.awaitStock(24, 0, 24);
    }

    @Test
    void aDeclinedShareGoesToTheNextEligibleDealerAndTheFirstDealersReservationIsReleased(EmbeddedPlatform platform) {
        FulfilmentScene scene = FulfilmentScene.set(platform, Site.at("560001", 4), Site.at("560034", 6));
        Api.Session first = scene.dealer(0);
        Api.Session next = scene.dealer(1);
        Fulfilments work = new Fulfilments(platform);
        String orderId = scene.confirmedOrder(3).path("id").asString();
        JsonNode offered = work.awaitOf(first.accessToken(), orderId, "OFFERED");
        scene.awaitStock(10, 3, 7);
        assertThat(scene.stockAt(0).path("reserved").asLong()).isEqualTo(3);

        HttpResponse<String> declined = work.decline(first.accessToken(), offered.path("id").asString(),
                "the shelf count was wrong");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(Api.json(declined).path("status").asString()).isEqualTo("DECLINED");

        JsonNode moved = work.awaitOf(next.accessToken(), orderId, "OFFERED");
        assertThat(moved.path("id").asString()).isNotEqualTo(offered.path("id").asString());
        assertThat(Fulfilments.line(moved, scene.sku()).orElseThrow().path("quantity").asInt()).isEqualTo(3);
        Shop.await("the first dealer's 3 parts released and the next dealer's reserved",
                () -> scene.stockAt(0).path("reserved").asLong() == 0 && scene.stockAt(1).path("reserved").asLong() == 3);
        assertThat(scene.stockAt(0).path("available").asLong()).isEqualTo(4);
        assertThat(work.ofOrder(first.accessToken(), orderId)).as("the first dealer keeps only its declined share")
                .singleElement().satisfies(f -> assertThat(f.path("status").asString()).isEqualTo("DECLINED"));

        JsonNode packed = work.acceptPickAndPack(next.accessToken(), moved);
        assertThat(packed.path("status").asString()).isEqualTo("PACKED");
        scene.shop().awaitStatus(scene.customer().token(), orderId, "PACKED");
    }

    @Test
    void aCustomerCancelsAPackedOrderAndTheStockIsAvailableAgainAndTheCourierCalledOff(
            EmbeddedPlatform platform, FakeBorzo borzo) {
        FulfilmentScene scene = FulfilmentScene.set(platform, Site.at("560001", 5));
        Api.Session dealer = scene.dealer(0);
        Fulfilments work = new Fulfilments(platform);
        Courier courier = new Courier(borzo, platform);
        String orderId = scene.confirmedOrder(2).path("id").asString();
        JsonNode offered = work.awaitOf(dealer.accessToken(), orderId, "OFFERED");
        String fulfilmentId = offered.path("id").asString();
        work.acceptPickAndPack(dealer.accessToken(), offered);
        scene.shop().awaitStatus(scene.customer().token(), orderId, "PACKED");
        long borzoOrder = courier.booking(fulfilmentId);
        scene.awaitStock(5, 2, 3);

        HttpResponse<String> cancelled = scene.shop().cancel(scene.customer().token(), orderId, "ordered twice");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(Api.json(cancelled).path("status").asString()).isEqualTo("CANCELLED");

        scene.awaitStock(5, 0, 5);
        work.awaitStatus(dealer.accessToken(), fulfilmentId, "CANCELLED");
        Shop.await("Borzo order " + borzoOrder + " to be cancelled",
                () -> "canceled".equals(courier.order(borzoOrder).path("status").asString()));
        assertThat(borzo.requests("cancel-order")).anySatisfy(asked ->
                assertThat(asked.body().path("order_id").asLong()).isEqualTo(borzoOrder));
        JsonNode order = scene.shop().awaitStatus(scene.customer().token(), orderId, "CANCELLED");
        assertThat(order.path("statusHistory").findValuesAsString("to")).endsWith("PACKED", "CANCELLED");
    }

    /** A point (or a Borzo point) at FakeNominatim's coordinates, which no pincode centroid of the seed has. */
    private static void assertPoint(JsonNode point, double latitude, double longitude) {
        assertThat(point.path("latitude").asDouble()).as(point.toString()).isCloseTo(latitude, within(1e-6));
        assertThat(point.path("longitude").asDouble()).as(point.toString()).isCloseTo(longitude, within(1e-6));
    }

    private static List<String> lineSteps(JsonNode timeline, String sku) {
        List<String> steps = new ArrayList<>();
        for (JsonNode entry : timeline.path("entries")) {
            if ("LINE".equals(entry.path("kind").asString()) && sku.equals(entry.path("sku").asString())) {
                steps.add(entry.path("status").asString());
            }
        }
        return steps;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
