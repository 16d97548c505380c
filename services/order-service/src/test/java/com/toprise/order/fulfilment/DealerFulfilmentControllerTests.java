package com.toprise.order.fulfilment;

import com.toprise.common.access.Scope;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.test.AccessControlSlice;
import com.toprise.common.test.TestMatrix;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.Optional;

import static com.toprise.common.test.ProblemJson.fieldError;
import static com.toprise.common.test.ProblemJson.problem;
import static com.toprise.common.test.TestTokens.bearer;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.ACCEPTED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.OFFERED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.PACKED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/dealer/fulfilments} under the seed's rows (a dealer OWN, Fulfillment-Admin ALL, a customer nothing):
 * the real {@link Fulfilments} and {@link Fulfilment} decide on stored fulfilments (the store is stubbed), so the
 * 403s, the foreign and unknown 404s, the 400 field errors and the aggregate's 409s are the service's own.
 */
@WebMvcTest(DealerFulfilmentController.class)
@Import({AccessControlSlice.class, Fulfilments.class, FulfilmentSteps.class})
class DealerFulfilmentControllerTests {

    private static final String DEALER = bearer("d-1", "DEALER");
    private static final String OTHER_DEALER = bearer("d-2", "DEALER");
    private static final String ADMIN = bearer("fa-1", "FULFILLMENT_ADMIN");
    private static final String CUSTOMER = bearer("asha", "CUSTOMER");
    private static final String PARCEL = "{\"weightKg\":1.5,\"lengthCm\":30,\"widthCm\":20,\"heightCm\":10}";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private FulfilmentStore store;
    @MockitoBean
    private OrderProgress progress;
    @MockitoBean
    private CourierBookings bookings;

    @BeforeEach
    void permissions() {
        matrix.reset()
                .row("DEALER", "fulfilments", Scope.OWN, Scope.OWN, Scope.NONE)
                .row("FULFILLMENT_ADMIN", "fulfilments", Scope.ALL, Scope.ALL, Scope.NONE)
                .row("CUSTOMER", "orders", Scope.OWN, Scope.OWN, Scope.NONE);
        stored(FulfilmentFixtures.offered());
        given(store.find("o-9-1")).willReturn(Optional.empty());
        given(store.write(any(), any())).willReturn(true);
        given(bookings.book(any())).willAnswer(call -> call.getArgument(0));
    }

    @Test
    void aDealerListsItsOwnFulfilmentsOfOneStatus() throws Exception {
        ArgumentCaptor<Criteria> criteria = ArgumentCaptor.forClass(Criteria.class);
        given(store.page(criteria.capture(), any(PageQuery.class)))
                .willReturn(new PageImpl<>(List.of(FulfilmentFixtures.offered()), PageRequest.of(0, 20), 1));

        mvc.perform(as(get("/api/dealer/fulfilments?status=OFFERED"), DEALER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value("o-1-1"))
                .andExpect(jsonPath("$.items[0].version").doesNotExist()).andExpect(jsonPath("$.totalItems").value(1));
        assertThat(criteria.getValue().getCriteriaObject())
                .isEqualTo(new Document("dealerId", "d-1").append("status", OFFERED));

        mvc.perform(as(get("/api/dealer/fulfilments"), ADMIN)).andExpect(status().isOk());
        assertThat(criteria.getValue().getCriteriaObject()).isEqualTo(new Document());
    }

    @Test
    void badFiltersAndSortsAreFieldErrors() throws Exception {
        mvc.perform(as(get("/api/dealer/fulfilments?status=LOST"), DEALER)).andExpect(fieldError("status"));
        mvc.perform(as(get("/api/dealer/fulfilments?sort=dealerId"), DEALER)).andExpect(fieldError("sort"));
        mvc.perform(as(get("/api/dealer/fulfilments?size=1000"), DEALER)).andExpect(fieldError("size"));
    }

    @Test
    void aCustomerHasNoFulfilments() throws Exception {
        mvc.perform(as(get("/api/dealer/fulfilments"), CUSTOMER)).andExpect(problem(FORBIDDEN));
        mvc.perform(as(get("/api/dealer/fulfilments/o-1-1"), CUSTOMER)).andExpect(problem(FORBIDDEN));
        mvc.perform(as(post("/api/dealer/fulfilments/o-1-1/accept"), CUSTOMER)).andExpect(problem(FORBIDDEN));
    }

    @Test
    void anotherDealersFulfilmentIsNotFoundLikeAMissingOne() throws Exception {
        mvc.perform(as(get("/api/dealer/fulfilments/o-1-1"), DEALER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OFFERED"));
        mvc.perform(as(get("/api/dealer/fulfilments/o-1-1"), OTHER_DEALER)).andExpect(problem(NOT_FOUND));
        mvc.perform(as(get("/api/dealer/fulfilments/o-9-1"), DEALER)).andExpect(problem(NOT_FOUND));
        mvc.perform(as(post("/api/dealer/fulfilments/o-1-1/accept"), OTHER_DEALER)).andExpect(problem(NOT_FOUND));
        mvc.perform(as(post("/api/dealer/fulfilments/o-9-1/accept"), DEALER)).andExpect(problem(NOT_FOUND));
        verify(store, never()).write(any(), any());
    }

    @Test
    void aDealerAcceptsAnOfferOnceAndTheSecondTimeIsAConflict() throws Exception {
        mvc.perform(as(post("/api/dealer/fulfilments/o-1-1/accept"), DEALER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.lines[0].status").value("ASSIGNED"));
        verify(store).write(any(), argThat(t -> t.events().size() == 1));
        verify(progress).follow("o-1");

        stored(FulfilmentFixtures.in(ACCEPTED));
        mvc.perform(as(post("/api/dealer/fulfilments/o-1-1/accept"), DEALER)).andExpect(problem(CONFLICT))
                .andExpect(jsonPath("$.currentStatus").value("ACCEPTED"));
    }

    @Test
    void aDeclineNeedsAReason() throws Exception {
        mvc.perform(as(post("/api/dealer/fulfilments/o-1-1/decline"), DEALER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\" \"}")).andExpect(fieldError("reason"));
        mvc.perform(as(post("/api/dealer/fulfilments/o-1-1/decline"), DEALER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"no stock after all\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECLINED"));
    }

    @Test
    void pickingMarksOneLineAndOnlyOnAnAcceptedFulfilment() throws Exception {
        mvc.perform(as(post("/api/dealer/fulfilments/o-1-1/lines/BRK-1/pick"), DEALER))
                .andExpect(problem(CONFLICT)).andExpect(jsonPath("$.currentStatus").value("OFFERED"));

        stored(FulfilmentFixtures.offered().accept("DEALER:d-1", FulfilmentFixtures.T).fulfilment());
        mvc.perform(as(post("/api/dealer/fulfilments/o-1-1/lines/NOPE-1/pick"), DEALER)).andExpect(problem(NOT_FOUND));
        mvc.perform(as(post("/api/dealer/fulfilments/o-1-1/lines/BRK-1/pick"), DEALER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].status").value("PICKED"));
        verify(progress, never()).follow(any());
    }

    @Test
    void packingAnUnacceptedFulfilmentIsAConflictAndABadParcelAFieldError() throws Exception {
        mvc.perform(pack(DEALER, PARCEL)).andExpect(problem(CONFLICT))
                .andExpect(jsonPath("$.currentStatus").value("OFFERED"));
        mvc.perform(pack(DEALER, "{\"weightKg\":-1,\"lengthCm\":30,\"widthCm\":20}"))
                .andExpect(fieldError("weightKg")).andExpect(fieldError("heightCm"));
        mvc.perform(pack(DEALER, "{\"weightKg\":\"heavy\"}")).andExpect(fieldError("weightKg"));
        verify(bookings, never()).book(any());
    }

    @Test
    void packingAPickedFulfilmentBooksItsCourier() throws Exception {
        stored(FulfilmentFixtures.in(ACCEPTED));
        mvc.perform(pack(DEALER, PARCEL)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PACKED"))
                .andExpect(jsonPath("$.parcel.weightKg").value(1.5));
        verify(bookings).book(argThat(f -> f.status() == PACKED));
    }

    @Test
    void onlyFulfillmentAdminRebooksACourier() throws Exception {
        stored(FulfilmentFixtures.in(PACKED));
        mvc.perform(as(post("/api/dealer/fulfilments/o-1-1/book"), DEALER)).andExpect(problem(FORBIDDEN));
        mvc.perform(as(post("/api/dealer/fulfilments/o-1-1/book"), ADMIN)).andExpect(status().isOk());
        verify(bookings).book(argThat(f -> f.id().equals("o-1-1")));

        stored(FulfilmentFixtures.in(ACCEPTED));
        mvc.perform(as(post("/api/dealer/fulfilments/o-1-1/book"), ADMIN)).andExpect(problem(CONFLICT));
    }

    private void stored(Fulfilment fulfilment) {
        given(store.find(fulfilment.id())).willReturn(Optional.of(fulfilment));
    }

    private static MockHttpServletRequestBuilder pack(String token, String body) {
        return as(post("/api/dealer/fulfilments/o-1-1/pack"), token).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, token);
    }
}
