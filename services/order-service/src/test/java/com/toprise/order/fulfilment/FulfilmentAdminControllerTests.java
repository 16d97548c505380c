package com.toprise.order.fulfilment;

import com.toprise.common.access.Scope;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.test.AccessControlSlice;
import com.toprise.common.test.TestMatrix;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.FulfilmentUpdated;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
import static com.toprise.order.fulfilment.FulfilmentFixtures.T;
import static com.toprise.order.fulfilment.FulfilmentFixtures.units;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
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
 * {@code /api/fulfilments}: Fulfillment-Admin gives waiting lines to a dealer (the request leaves through the
 * outbox with the write that takes them off the list) and lists the waiting orders; a dealer, whose scope is OWN,
 * may do neither (403). The real {@link ManualAssignments} and {@link UnassignedLines} decide; the store is a mock.
 */
@WebMvcTest(FulfilmentAdminController.class)
@Import({AccessControlSlice.class, ManualAssignments.class})
class FulfilmentAdminControllerTests {

    private static final String ADMIN = bearer("fa-1", "FULFILLMENT_ADMIN");
    private static final String DEALER = bearer("d-1", "DEALER");

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private MongoTemplate mongo;
    @MockitoBean
    private OutboxWriter outbox;
    @MockitoBean
    private KnownDealers dealers;

    @BeforeEach
    void permissions() {
        matrix.reset()
                .row("DEALER", "fulfilments", Scope.OWN, Scope.OWN, Scope.NONE)
                .row("FULFILLMENT_ADMIN", "fulfilments", Scope.ALL, Scope.ALL, Scope.NONE);
        given(mongo.findById("o-1", UnassignedLines.class)).willReturn(
                UnassignedLines.none("o-1", T).add(List.of(units("BRK-1", 2), units("OIL-5", 1)), T));
        given(dealers.find("d-3")).willReturn(Optional.of(dealer("d-3", true)));
        given(dealers.find("d-4")).willReturn(Optional.of(dealer("d-4", false)));
        given(outbox.update(any(Query.class), any(Update.class), eq(UnassignedLines.class), any())).willReturn(true);
    }

    @Test
    void anAdminGivesSomeWaitingLinesToADealerByHand() throws Exception {
        mvc.perform(assign(ADMIN, "{\"orderId\":\"o-1\",\"dealerId\":\"d-3\",\"lines\":[{\"sku\":\"BRK-1\","
                        + "\"quantity\":1}]}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.fulfilmentId").value("o-1-m1"))
                .andExpect(jsonPath("$.from").doesNotExist()).andExpect(jsonPath("$.to").value("OFFERED"))
                .andExpect(jsonPath("$.lines[0].quantity").value(1));

        ArgumentCaptor<Update> update = ArgumentCaptor.forClass(Update.class);
        ArgumentCaptor<EventEnvelope<?>> event = ArgumentCaptor.forClass(EventEnvelope.class);
        verify(outbox).update(any(Query.class), update.capture(), eq(UnassignedLines.class), event.capture());
        assertThat(update.getValue().getUpdateObject().get("$set", Document.class).get("lines"))
                .isEqualTo(List.of(units("BRK-1", 1), units("OIL-5", 1)));
        assertThat(event.getValue().payload()).isInstanceOfSatisfying(FulfilmentUpdated.class, request -> {
            assertThat(request.from()).isNull();
            assertThat(request.dealerId()).isEqualTo("d-3");
            assertThat(request.by()).isEqualTo("STAFF:fa-1");
        });
    }

    @Test
    void badAssignmentsAreFieldErrorsAndNothingIsWritten() throws Exception {
        mvc.perform(assign(ADMIN, "{\"dealerId\":\"d-3\",\"lines\":[{\"sku\":\"BRK-1\",\"quantity\":0}]}"))
                .andExpect(fieldError("orderId")).andExpect(fieldError("lines[0].quantity"));
        mvc.perform(assign(ADMIN, "{\"orderId\":\"o-1\",\"dealerId\":\"d-3\",\"lines\":[{\"sku\":\"BRK-1\","
                + "\"quantity\":3}]}")).andExpect(fieldError("lines[0].quantity"));
        mvc.perform(assign(ADMIN, "{\"orderId\":\"o-1\",\"dealerId\":\"d-3\",\"lines\":[{\"sku\":\"AIR-9\","
                + "\"quantity\":1}]}")).andExpect(fieldError("lines[0].sku"));
        mvc.perform(assign(ADMIN, "{\"orderId\":\"o-1\",\"dealerId\":\"d-4\"}")).andExpect(fieldError("dealerId"));
        mvc.perform(assign(ADMIN, "{\"orderId\":\"o-1\",\"dealerId\":\"d-9\"}")).andExpect(fieldError("dealerId"));
        verify(outbox, never()).update(any(Query.class), any(Update.class), eq(UnassignedLines.class), any());
    }

    @Test
    void anOrderWithNothingWaitingIsNotFoundOrAConflict() throws Exception {
        mvc.perform(assign(ADMIN, "{\"orderId\":\"o-9\",\"dealerId\":\"d-3\"}")).andExpect(problem(NOT_FOUND));
        given(mongo.findById("o-2", UnassignedLines.class)).willReturn(UnassignedLines.none("o-2", T));
        mvc.perform(assign(ADMIN, "{\"orderId\":\"o-2\",\"dealerId\":\"d-3\"}")).andExpect(problem(CONFLICT));
    }

    @Test
    void aConcurrentAssignmentOfTheSameLinesIsAConflict() throws Exception {
        given(outbox.update(any(Query.class), any(Update.class), eq(UnassignedLines.class), any())).willReturn(false);
        mvc.perform(assign(ADMIN, "{\"orderId\":\"o-1\",\"dealerId\":\"d-3\"}")).andExpect(problem(CONFLICT));
    }

    @Test
    void aDealerNeitherAssignsNorSeesTheWaitingLines() throws Exception {
        mvc.perform(assign(DEALER, "{\"orderId\":\"o-1\",\"dealerId\":\"d-1\"}")).andExpect(problem(FORBIDDEN));
        mvc.perform(get("/api/fulfilments/unassigned").header(HttpHeaders.AUTHORIZATION, DEALER))
                .andExpect(problem(FORBIDDEN));
        mvc.perform(get("/api/fulfilments/unassigned?sort=orderId").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(fieldError("sort"));
    }

    private static KnownDealer dealer(String id, boolean active) {
        return new KnownDealer(id, "Dealer " + id, "+919800000009", active, "1 MG Road, Pune", "411001", null, T);
    }

    private static MockHttpServletRequestBuilder assign(String token, String body) {
        return post("/api/fulfilments/assign").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
