package com.toprise.infra;

import com.toprise.infra.fakes.FakeBorzo;
import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.Api;
import com.toprise.infra.support.Courier;
import com.toprise.infra.support.FulfilmentScene;
import com.toprise.infra.support.FulfilmentScene.Site;
import com.toprise.infra.support.Fulfilments;
import com.toprise.infra.support.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import static com.toprise.infra.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fulfilment API and Borzo's callback URL refuse, through the gateway, and that a refusal changes
 * nothing: a forged (tampered) callback, a replayed one, one about a Borzo order we never booked; another dealer's
 * or an unknown fulfilment; packing what was not accepted or not picked; cancelling a delivered order. Every
 * refusal is an RFC 9457 problem, and the fulfilment, the order and the stock are read back unchanged after it.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class FulfilmentRefusalsIT {

    @Test
    void forgedAndUnknownCallbacksAreRefusedAReplayChangesNothingAndADeliveredOrderCannotBeCancelled(
            EmbeddedPlatform platform, FakeBorzo borzo) {
        FulfilmentScene scene = FulfilmentScene.set(platform, Site.at("560001", 5));
        Api.Session dealer = scene.dealer(0);
        String customer = scene.customer().token();
        Fulfilments work = new Fulfilments(platform);
        Courier courier = new Courier(borzo, platform);
        String orderId = scene.confirmedOrder(2).path("id").asString();
        JsonNode offered = work.awaitOf(dealer.accessToken(), orderId, "OFFERED");
        String fulfilmentId = offered.path("id").asString();
        work.acceptPickAndPack(dealer.accessToken(), offered);
        scene.shop().awaitStatus(customer, orderId, "PACKED");
        long borzoOrder = courier.booking(fulfilmentId);
        scene.awaitStock(5, 2, 3);

        FakeBorzo.Callback forged = borzo.sendTamperedCallback(borzoOrder, Courier.PICKED_UP);
        assertThat(forged.status()).as(forged.answer()).isEqualTo(403);
        assertProblem(courier.resend(forged), 403);
        assertProblem(courier.post(forged.body(), ""), 401);
        assertProblem(courier.postSigned(pickedUp(987_654_321L, fulfilmentId)), 404);
        assertUnchanged(work, dealer, fulfilmentId, "PACKED", List.of("OFFERED", "ACCEPTED", "PACKED"));
        assertThat(scene.shop().awaitStatus(customer, orderId, "PACKED").path("statusHistory")
                .findValuesAsString("to")).doesNotContain("SHIPPED");
        scene.awaitStock(5, 2, 3);

        courier.reports(fulfilmentId, Courier.PICKED_UP);
        work.awaitStatus(dealer.accessToken(), fulfilmentId, "SHIPPED");
        scene.awaitStock(3, 0, 3);
        FakeBorzo.Callback replayed = borzo.replayLastCallback();
        assertThat(replayed.status()).as(replayed.answer()).isEqualTo(200);
        assertThat(Api.JSON.readTree(replayed.answer()).path("outcome").asString()).isEqualTo("REPLAYED");
        assertUnchanged(work, dealer, fulfilmentId, "SHIPPED", List.of("OFFERED", "ACCEPTED", "PACKED", "SHIPPED"));

        courier.reports(fulfilmentId, Courier.FINISHED);
        scene.shop().awaitStatus(customer, orderId, "DELIVERED");
        assertThat(Api.JSON.readTree(borzo.replayLastCallback().answer()).path("outcome").asString())
                .isEqualTo("REPLAYED");
        scene.awaitStock(3, 0, 3);
        assertThat(scene.stockAt(0).path("onHand").asLong()).as("shipped once, not once per callback").isEqualTo(3);

        JsonNode tooLate = assertProblem(scene.shop().cancel(customer, orderId, "changed my mind"), 409);
        assertThat(tooLate.path("currentStatus").asString()).isEqualTo("DELIVERED");
        assertThat(tooLate.path("requestedStatus").asString()).isEqualTo("CANCELLED");
        JsonNode order = scene.shop().awaitStatus(customer, orderId, "DELIVERED");
        assertThat(order.path("statusHistory").findValuesAsString("to")).doesNotContain("CANCELLED");
        assertUnchanged(work, dealer, fulfilmentId, "DELIVERED",
                List.of("OFFERED", "ACCEPTED", "PACKED", "SHIPPED", "DELIVERED"));
        scene.awaitStock(3, 0, 3);
    }

    @Test
    void aDealerSeesOnlyItsOwnFulfilmentsAndAnothersOrAnUnknownOneAnswers404(EmbeddedPlatform platform) {
        FulfilmentScene mine = FulfilmentScene.set(platform, Site.at("560001", 3));
        FulfilmentScene theirs = FulfilmentScene.set(platform, Site.at("560001", 3));
        Api.Session me = mine.dealer(0);
        Api.Session other = theirs.dealer(0);
        Fulfilments work = new Fulfilments(platform);
        String myId = work.awaitOf(me.accessToken(), mine.confirmedOrder(1).path("id").asString(), "OFFERED")
                .path("id").asString();
        String theirId = work.awaitOf(other.accessToken(), theirs.confirmedOrder(1).path("id").asString(),
                "OFFERED").path("id").asString();

        assertThat(work.mine(me.accessToken())).extracting(f -> f.path("id").asString())
                .contains(myId).doesNotContain(theirId);
        assertThat(work.mine(other.accessToken())).extracting(f -> f.path("id").asString())
                .contains(theirId).doesNotContain(myId);
        List<Function<String, HttpResponse<String>>> attempts = List.of(
                id -> work.get(me.accessToken(), id),
                id -> work.accept(me.accessToken(), id),
                id -> work.decline(me.accessToken(), id, "not mine"),
                id -> work.pick(me.accessToken(), id, theirs.sku()),
                id -> work.pack(me.accessToken(), id));
        for (Function<String, HttpResponse<String>> attempt : attempts) {
            assertProblem(attempt.apply(theirId), 404);
            assertProblem(attempt.apply("no-such-order-1"), 404);
        }
        assertUnchanged(work, other, theirId, "OFFERED", List.of("OFFERED"));
        theirs.awaitStock(3, 1, 2);
    }

    @Test
    void packingAFulfilmentThatIsNotAcceptedOrNotPickedIsAConflictThatChangesNothing(EmbeddedPlatform platform) {
        FulfilmentScene scene = FulfilmentScene.set(platform, Site.at("560001", 4));
        Api.Session dealer = scene.dealer(0);
        Fulfilments work = new Fulfilments(platform);
        String orderId = scene.confirmedOrder(2).path("id").asString();
        String id = work.awaitOf(dealer.accessToken(), orderId, "OFFERED").path("id").asString();

        JsonNode unaccepted = assertProblem(work.pack(dealer.accessToken(), id), 409);
        assertThat(unaccepted.path("currentStatus").asString()).isEqualTo("OFFERED");
        assertThat(assertProblem(work.pick(dealer.accessToken(), id, scene.sku()), 409).path("currentStatus")
                .asString()).isEqualTo("OFFERED");
        assertUnchanged(work, dealer, id, "OFFERED", List.of("OFFERED"));

        assertThat(work.accept(dealer.accessToken(), id).statusCode()).isEqualTo(200);
        JsonNode unpicked = assertProblem(work.pack(dealer.accessToken(), id), 409);
        assertThat(unpicked.path("currentStatus").asString()).isEqualTo("ACCEPTED");
        assertThat(unpicked.path("unpicked").toString()).contains(scene.sku());
        assertProblem(work.pick(dealer.accessToken(), id, "NO-SUCH-SKU"), 404);
        assertUnchanged(work, dealer, id, "ACCEPTED", List.of("OFFERED", "ACCEPTED"));
        assertThat(scene.shop().awaitStatus(scene.customer().token(), orderId, "ASSIGNED").path("status")
                .asString()).isEqualTo("ASSIGNED");
        scene.awaitStock(4, 2, 2);
    }

    /** The fulfilment, as its dealer reads it, is in this status with exactly this history. */
    private static void assertUnchanged(Fulfilments work, Api.Session dealer, String id, String status,
                                        List<String> steps) {
        HttpResponse<String> read = work.get(dealer.accessToken(), id);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode fulfilment = Api.json(read);
        assertThat(fulfilment.path("status").asString()).as(read.body()).isEqualTo(status);
        assertThat(Fulfilments.steps(fulfilment)).as(read.body()).containsExactlyElementsOf(steps);
    }

    /** Borzo's delivery_changed body for an order id, naming one of our fulfilments as the client's order. */
    private static String pickedUp(long borzoOrderId, String clientOrderId) {
        String now = OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30)).truncatedTo(ChronoUnit.SECONDS).toString();
        return """
                {"event_datetime": "%s", "event_type": "delivery_changed", "delivery": {"delivery_id": 1,
                 "delivery_type": "plan", "order_id": %d, "client_order_id": "%s", "status": "%s",
                 "status_datetime": "%s"}}""".formatted(now, borzoOrderId, clientOrderId, Courier.PICKED_UP, now);
    }
}
