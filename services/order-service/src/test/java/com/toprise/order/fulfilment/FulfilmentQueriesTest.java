package com.toprise.order.fulfilment;

import com.toprise.common.access.Access;
import com.toprise.common.access.Action;
import com.toprise.common.access.Scope;
import com.toprise.common.events.NewestCopies;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.outbox.ProcessedEvents;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.common.test.IndexedMongo;
import com.toprise.common.test.ListenerRecords;
import com.toprise.order.courier.Deliveries;
import com.toprise.order.courier.DeliveryRequest;
import com.toprise.order.order.OrderLifecycle;
import com.toprise.order.order.OrderState;
import com.toprise.schemas.events.DealerUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.FulfilmentReassigned;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;
import com.toprise.schemas.events.OrderStatusChanged;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.schemas.geo.Location;
import com.toprise.schemas.topics.Topic;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.springframework.data.domain.Sort.Direction;

import java.util.List;

import static com.toprise.order.fulfilment.FulfilmentFixtures.PARCEL;
import static com.toprise.order.fulfilment.FulfilmentFixtures.T;
import static com.toprise.order.fulfilment.FulfilmentFixtures.share;
import static com.toprise.order.fulfilment.FulfilmentFixtures.units;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Fulfilments on the indexed store, through their listeners as Kafka hands them records: created from a verdict
 * once however often it comes; a decline and an acceptance timeout reassigned once, new shares offered, their
 * dealers added to the order, the lines nobody took waiting for an admin who gives them away; the dealer's work
 * booking the courier from the dealer's copy and the order's destination; the courier's news; the order's
 * cancellation; and every list in every scope. The order's lifecycle and the courier are mocks: their own tests
 * cover them, here only what is asked of them is checked. The class fails when a query has no declared index.
 */
class FulfilmentQueriesTest {

    @RegisterExtension
    static final IndexedMongo mongo = new IndexedMongo("orders");

    private static final Access DEALER = access("d-1", "DEALER", Scope.OWN);
    private static final Access ADMIN = access("fa-1", "FULFILLMENT_ADMIN", Scope.ALL);

    private final OrderLifecycle lifecycle = mock(OrderLifecycle.class);
    private final Deliveries deliveries = mock(Deliveries.class);
    private FulfilmentStore store;
    private FulfilmentListeners listeners;
    private Fulfilments fulfilments;
    private ManualAssignments manual;
    private FulfilmentDeliveryProgress courier;
    private long offset;

    @BeforeEach
    void services() {
        OutboxWriter outbox = new OutboxWriter(mongo.template());
        store = new FulfilmentStore(mongo.template(), outbox);
        FulfilmentSteps steps = new FulfilmentSteps(store, new OrderProgress(mongo.template(), store, lifecycle));
        KnownDealers dealers = new KnownDealers(mongo.template(), new NewestCopies(mongo.template()));
        manual = new ManualAssignments(mongo.template(), outbox, dealers);
        FulfilmentOffers offers = new FulfilmentOffers(mongo.template(), store, steps, lifecycle, manual);
        listeners = new FulfilmentListeners(offers, new FulfilmentCancellations(store, steps, deliveries, manual),
                dealers, new ProcessedEvents(mongo.template()));
        fulfilments = new Fulfilments(store, steps, new CourierBookings(deliveries, dealers, mongo.template(), steps));
        courier = new FulfilmentDeliveryProgress(steps);
        mongo.template().insert(FulfilmentFixtures.order("o-1", "asha", OrderState.CONFIRMED));
        DealerUpdated kumar = new DealerUpdated("d-1", "Kumar Auto", "+919800000002", true, List.of(),
                "5 Station Rd, Pune", "411001", Location.geocoded(new GeoPoint(18.53, 73.87)), List.of("411001"), null,
                List.of(), T);
        listeners.onDealerUpdated(record(Topics.DEALER_UPDATED, "onDealerUpdated", "d-1",
                EventEnvelope.of(EventType.DEALER_UPDATED, "d-1", kumar)));
    }

    @Test
    void aConfirmedVerdictOffersOneFulfilmentPerShareOnce() {
        verdict(confirmed());
        fulfilments.accept("o-1-1", DEALER);
        verdict(confirmed());
        verdict(new OrderValidated("o-2", OrderValidated.Result.REJECTED, List.of(), List.of()));

        assertThat(store.ofOrder("o-1")).extracting(Fulfilment::id, Fulfilment::dealerId, Fulfilment::status,
                Fulfilment::customerId).containsExactlyInAnyOrder(
                tuple("o-1-1", "d-1", FulfilmentStatus.ACCEPTED, "asha"),
                tuple("o-1-2", "d-2", FulfilmentStatus.OFFERED, "asha"));
        assertThat(store.find("o-1-2").orElseThrow().lines()).singleElement()
                .extracting(FulfilmentLine::name).isEqualTo("Part OIL-5");
        assertThat(store.ofOrder("o-2")).isEmpty();
        assertThat(outbox("fulfilments", "o-1-2")).as("an offer is the topology's event, not ours").isEmpty();
    }

    @Test
    void aDeclineIsReassignedOnceAndWhatNobodyTookWaitsForAnAdmin() {
        verdict(confirmed());
        fulfilments.decline("o-1-1", "no stock after all", DEALER);
        assertThat(outbox("fulfilments", "o-1-1")).singleElement().asString().contains("\"to\":\"DECLINED\"");

        EventEnvelope<FulfilmentReassigned> reassigned = EventEnvelope.of(EventType.FULFILMENT_REASSIGNED, "o-1",
                new FulfilmentReassigned("o-1", "o-1-1", "d-1", FulfilmentReassigned.Cause.DECLINED,
                        List.of(share("o-1-3", "d-3", units("BRK-1", 1))), List.of(units("BRK-1", 1)), T));
        reassigned(reassigned);
        reassigned(reassigned);

        assertThat(store.find("o-1-1").orElseThrow().status()).isEqualTo(FulfilmentStatus.DECLINED);
        assertThat(store.find("o-1-3").orElseThrow().status()).isEqualTo(FulfilmentStatus.OFFERED);
        verify(lifecycle, times(1)).addDealers("o-1", List.of("d-3"));
        assertThat(manual.waiting(new PageQuery(0, 20, "since", Direction.ASC)).items()).singleElement()
                .satisfies(waiting -> assertThat(waiting.lines()).containsExactly(units("BRK-1", 1)));

        manual.assign(new AssignRequest("o-1", "d-1", null), ADMIN);
        assertThat(outbox("unassigned_lines", "o-1")).singleElement().asString()
                .contains("\"fulfilmentId\":\"o-1-m1\"").contains("\"from\":null");
        assertThat(manual.waiting(new PageQuery(0, 20, "since", Direction.DESC)).items()).isEmpty();
    }

    @Test
    void anAcceptanceTimeoutExpiresTheShareEvenIfTheAcceptanceCrossedIt() {
        verdict(confirmed());
        fulfilments.accept("o-1-1", DEALER);
        reassigned(EventEnvelope.of(EventType.FULFILMENT_REASSIGNED, "o-1", new FulfilmentReassigned("o-1", "o-1-1",
                "d-1", FulfilmentReassigned.Cause.ACCEPTANCE_TIMEOUT, List.of(), List.of(units("BRK-1", 2)), T)));
        reassigned(EventEnvelope.of(EventType.FULFILMENT_REASSIGNED, "o-1", new FulfilmentReassigned("o-1", "o-1-2",
                "d-2", FulfilmentReassigned.Cause.ACCEPTANCE_TIMEOUT, List.of(), List.of(), T)));

        assertThat(store.find("o-1-1").orElseThrow().status()).isEqualTo(FulfilmentStatus.EXPIRED);
        assertThat(store.find("o-1-2").orElseThrow().status()).isEqualTo(FulfilmentStatus.EXPIRED);
    }

    @Test
    void theDealersWorkBooksTheCourierAndTheOrderFollows() {
        verdict(confirmed());
        fulfilments.accept("o-1-1", DEALER);
        fulfilments.accept("o-1-2", access("d-2", "DEALER", Scope.OWN));
        verify(lifecycle).advance(eq("o-1"), eq(OrderState.ASSIGNED), eq(OrderProgress.FULFILMENT), anyString());

        fulfilments.pick("o-1-1", "BRK-1", DEALER);
        Fulfilment packed = fulfilments.pack("o-1-1", PARCEL, DEALER);

        ArgumentCaptor<DeliveryRequest> booked = ArgumentCaptor.forClass(DeliveryRequest.class);
        verify(deliveries).book(booked.capture());
        assertThat(booked.getValue().pickup().address()).isEqualTo("5 Station Rd, Pune");
        assertThat(booked.getValue().pickup().latitude()).isEqualTo(18.53);
        assertThat(booked.getValue().drop().address()).isEqualTo("12 FC Road, Pune, Maharashtra, 411001");
        assertThat(booked.getValue().drop().contactPhone()).isEqualTo("+919800000001");
        assertThat(booked.getValue().weightKg()).isEqualTo(1.5);
        assertThat(packed.delivery().state()).isEqualTo(DeliveryBooking.State.BOOKED);

        courier.pickedUp("o-1-1", T.plusSeconds(60));
        courier.pickedUp("o-1-1", T.plusSeconds(61));
        verify(lifecycle).advance(eq("o-1"), eq(OrderState.SHIPPED), eq(OrderProgress.FULFILMENT), anyString());
        courier.delivered("o-1-1", T.plusSeconds(120));
        assertThat(store.find("o-1-1").orElseThrow().history()).extracting(FulfilmentChange::to).containsExactly(
                FulfilmentStatus.OFFERED, FulfilmentStatus.ACCEPTED, FulfilmentStatus.PACKED,
                FulfilmentStatus.SHIPPED, FulfilmentStatus.DELIVERED);
    }

    @Test
    void aFailedBookingKeepsThePackedFulfilmentWithTheErrorAndACancelledDeliveryComesBack() {
        verdict(confirmed());
        given(deliveries.book(any())).willThrow(new IllegalStateException("Borzo is down"));
        fulfilments.accept("o-1-1", DEALER);
        fulfilments.pick("o-1-1", "BRK-1", DEALER);
        Fulfilment packed = fulfilments.pack("o-1-1", PARCEL, DEALER);
        assertThat(packed.status()).isEqualTo(FulfilmentStatus.PACKED);
        assertThat(packed.delivery().state()).isEqualTo(DeliveryBooking.State.FAILED);
        assertThat(packed.delivery().note()).contains("Borzo is down");

        courier.deliveryCancelled("o-1-1", "no courier", T.plusSeconds(30));
        assertThat(store.find("o-1-1").orElseThrow().history()).last().extracting(FulfilmentChange::reason)
                .asString().contains("no courier");
    }

    @Test
    void aCancelledOrderCancelsItsOpenFulfilmentsItsCourierAndItsWaitingLines() {
        verdict(confirmed());
        fulfilments.accept("o-1-1", DEALER);
        fulfilments.pick("o-1-1", "BRK-1", DEALER);
        fulfilments.pack("o-1-1", PARCEL, DEALER);
        manual.await("o-1", List.of(units("OIL-5", 1)), T);

        EventEnvelope<OrderStatusChanged> cancelled = EventEnvelope.of(EventType.ORDER_STATUS_CHANGED, "o-1",
                new OrderStatusChanged("o-1", OrderStatus.CONFIRMED, OrderStatus.CANCELLED, "changed my mind"));
        for (int delivery = 0; delivery < 2; delivery++) {
            listeners.onOrderStatusChanged(record(Topics.ORDER_STATUS_CHANGED, "onOrderStatusChanged", "o-1",
                    cancelled));
        }

        assertThat(store.ofOrder("o-1")).extracting(Fulfilment::status)
                .containsOnly(FulfilmentStatus.CANCELLED);
        verify(deliveries, times(1)).cancel(eq("o-1-1"), anyString());
        assertThat(manual.waiting(new PageQuery(0, 20, "since", Direction.ASC)).items()).isEmpty();
    }

    @Test
    void aCourierThatCannotBeCalledOffDoesNotKeepACancelledOrdersFulfilmentOpen() {
        verdict(confirmed());
        fulfilments.accept("o-1-1", DEALER);
        fulfilments.pick("o-1-1", "BRK-1", DEALER);
        fulfilments.pack("o-1-1", PARCEL, DEALER);
        willThrow(new IllegalStateException("Borzo is down")).given(deliveries).cancel(eq("o-1-1"), anyString());

        listeners.onOrderStatusChanged(record(Topics.ORDER_STATUS_CHANGED, "onOrderStatusChanged", "o-1",
                EventEnvelope.of(EventType.ORDER_STATUS_CHANGED, "o-1", new OrderStatusChanged("o-1",
                        OrderStatus.PACKED, OrderStatus.CANCELLED, "by staff"))));

        assertThat(store.find("o-1-1").orElseThrow().status()).isEqualTo(FulfilmentStatus.CANCELLED);
    }

    @Test
    void theListsInEveryScopeAndStatus() {
        verdict(confirmed());
        PageQuery newestFirst = new PageQuery(0, 20, "createdAt", Direction.DESC);
        assertThat(fulfilments.list(null, DEALER, newestFirst).items()).extracting(Fulfilment::id)
                .containsExactly("o-1-1");
        assertThat(fulfilments.list(FulfilmentStatus.ACCEPTED, DEALER, newestFirst).items()).isEmpty();
        assertThat(fulfilments.list(null, ADMIN, newestFirst).items()).hasSize(2);
        assertThat(fulfilments.list(FulfilmentStatus.OFFERED, ADMIN, newestFirst).items()).hasSize(2);
    }

    @Test
    void aStepComputedOnAStaleVersionIsNotWritten() {
        verdict(confirmed());
        Fulfilment read = store.find("o-1-1").orElseThrow();
        assertThat(store.write(read, read.accept("DEALER:d-1", T))).isTrue();
        assertThat(store.write(read, read.decline("DEALER:d-1", "late", T))).isFalse();
        assertThat(store.find("o-1-1").orElseThrow().status()).isEqualTo(FulfilmentStatus.ACCEPTED);
    }

    private static OrderValidated confirmed() {
        List<OrderValidated.LineOutcome> lines = List.of(
                new OrderValidated.LineOutcome("BRK-1", 2, List.of(new OrderValidated.Allocation("d-1", 2)), null, 5),
                new OrderValidated.LineOutcome("OIL-5", 1, List.of(new OrderValidated.Allocation("d-2", 1)), null, 3));
        return new OrderValidated("o-1", OrderValidated.Result.CONFIRMED, lines,
                List.of(share("o-1-1", "d-1", units("BRK-1", 2)), share("o-1-2", "d-2", units("OIL-5", 1))));
    }

    private void verdict(OrderValidated verdict) {
        listeners.onOrderValidated(List.of(record(Topics.ORDER_VALIDATED, "onOrderValidated", verdict.orderId(),
                EventEnvelope.of(EventType.ORDER_VALIDATED, verdict.orderId(), verdict))));
    }

    private void reassigned(EventEnvelope<FulfilmentReassigned> event) {
        listeners.onFulfilmentReassigned(record(Topics.FULFILMENT_REASSIGNED, "onFulfilmentReassigned", "o-1",
                event));
    }

    private <P> ConsumerRecord<String, byte[]> record(Topic<String, EventEnvelope<P>> topic, String method,
                                                       String key, EventEnvelope<P> event) {
        return ListenerRecords.to(FulfilmentListeners.class, method, topic, key, event, offset++);
    }

    private static List<String> outbox(String collection, String id) {
        Document document = mongo.template().findById(id, Document.class, collection);
        return document == null || document.get(OutboxWriter.FIELD) == null ? List.of()
                : document.getList(OutboxWriter.FIELD, String.class);
    }

    private static Access access(String userId, String role, Scope scope) {
        return new Access(new Identity(userId, role), "fulfilments", Action.WRITE, scope);
    }
}
