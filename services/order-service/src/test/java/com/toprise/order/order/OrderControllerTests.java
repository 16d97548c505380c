package com.toprise.order.order;

import com.toprise.common.access.Scope;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.test.AccessControlSlice;
import com.toprise.common.test.TestMatrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static com.toprise.common.test.ProblemJson.fieldError;
import static com.toprise.common.test.ProblemJson.problem;
import static com.toprise.common.test.TestTokens.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How {@code /api/orders} answers a dealer under the seed's row (read OWN, write OWN): its allocated order is
 * read, anyone else's is 404 like a missing one, placing an order is 403 unless the matrix gives write ALL; a
 * customer still places orders. Cancelling: a buyer its own order before it ships, staff a shipped one too, too
 * late is 409 naming the status, someone else's 404, a dealer 403, no reason 400. The real {@link OrderSearch} and
 * {@link OrderLifecycle} run on a mocked store, so the rules under test are the service's, not a stub's.
 */
@WebMvcTest(OrderController.class)
@Import({AccessControlSlice.class, OrderSearch.class, OrderLifecycle.class})
class OrderControllerTests {

    private static final String DEALER = bearer("d-1", "DEALER");
    private static final String CUSTOMER = bearer("asha", "CUSTOMER");
    private static final String FULFILMENT_ADMIN = bearer("f-1", "FULFILLMENT_ADMIN");
    private static final String NEW_ORDER = "{\"lines\":[{\"sku\":\"BRK-1\",\"quantity\":1}],\"deliveryAddressId\":\"a-1\"}";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private MongoTemplate mongo;
    @MockitoBean
    private OrderIntake intake;
    @MockitoBean
    private OutboxWriter outbox;

    @BeforeEach
    void permissions() {
        matrix.reset()
                .row("DEALER", "orders", Scope.OWN, Scope.OWN, Scope.NONE)
                .row("CUSTOMER", "orders", Scope.OWN, Scope.OWN, Scope.NONE)
                .row("FULFILLMENT_ADMIN", "orders", Scope.ALL, Scope.ALL, Scope.NONE);
        given(mongo.findById("o-1", Order.class)).willReturn(OrdersInScopeTest.order("o-1", "asha", List.of("d-1")));
        given(mongo.findById("o-2", Order.class)).willReturn(OrdersInScopeTest.order("o-2", "asha", List.of("d-2")));
        given(mongo.findById("o-3", Order.class))
                .willReturn(OrderFixtures.in(OrderState.SHIPPED, "o-3", "asha", OrderFixtures.T, List.of("d-1")));
        given(outbox.updateEach(eq(Order.class), anyList())).willReturn(1);
    }

    @Test
    void aDealerReadsAnOrderAllocatedToIt() throws Exception {
        mvc.perform(get("/api/orders/o-1").header(HttpHeaders.AUTHORIZATION, DEALER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value("o-1"));
    }

    @Test
    void anotherDealersOrderIs404() throws Exception {
        mvc.perform(get("/api/orders/o-2").header(HttpHeaders.AUTHORIZATION, DEALER)).andExpect(problem(NOT_FOUND));
        mvc.perform(get("/api/orders/o-9").header(HttpHeaders.AUTHORIZATION, DEALER)).andExpect(problem(NOT_FOUND));
    }

    @Test
    void aDealerPlacingAnOrderIs403() throws Exception {
        mvc.perform(post("/api/orders").header(HttpHeaders.AUTHORIZATION, DEALER).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(NEW_ORDER))
                .andExpect(problem(FORBIDDEN));
        verifyNoInteractions(intake);
    }

    @Test
    void aDealerWhoseMatrixSaysWriteAllPlacesOrders() throws Exception {
        matrix.row("DEALER", "orders", Scope.OWN, Scope.ALL, Scope.NONE);
        given(intake.place(eq("d-1"), any(NewOrder.class), eq("k-1")))
                .willReturn(new Placement(OrdersInScopeTest.order("o-7", "d-1", List.of()), false));
        mvc.perform(post("/api/orders").header(HttpHeaders.AUTHORIZATION, DEALER).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(NEW_ORDER))
                .andExpect(status().isCreated());
    }

    @Test
    void aCustomerStillPlacesOrdersAndReadsOnlyItsOwn() throws Exception {
        given(intake.place(eq("asha"), any(NewOrder.class), eq("k-1")))
                .willReturn(new Placement(OrdersInScopeTest.order("o-8", "asha", List.of()), false));
        mvc.perform(post("/api/orders").header(HttpHeaders.AUTHORIZATION, CUSTOMER).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(NEW_ORDER))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value("o-8"));
        mvc.perform(get("/api/orders/o-2").header(HttpHeaders.AUTHORIZATION, CUSTOMER)).andExpect(status().isOk());
        mvc.perform(get("/api/orders/o-2").header(HttpHeaders.AUTHORIZATION, bearer("ravi", "CUSTOMER")))
                .andExpect(problem(NOT_FOUND));
    }

    @Test
    void aCustomerCancelsItsOwnOrderAndTheHistoryShowsWhoAndWhy() throws Exception {
        mvc.perform(cancel("o-1", CUSTOMER, "{\"reason\":\"  ordered the wrong size \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.statusHistory[1].from").value("CONFIRMED"))
                .andExpect(jsonPath("$.statusHistory[1].to").value("CANCELLED"))
                .andExpect(jsonPath("$.statusHistory[1].by").value("BUYER:asha"))
                .andExpect(jsonPath("$.statusHistory[1].reason").value("ordered the wrong size"));
        verify(outbox).updateEach(eq(Order.class), anyList());
    }

    @Test
    void cancellingAShippedOrderIsTooLateForTheBuyerButNotForStaff() throws Exception {
        mvc.perform(cancel("o-3", CUSTOMER, "{\"reason\":\"too slow\"}"))
                .andExpect(problem(CONFLICT))
                .andExpect(jsonPath("$.currentStatus").value("SHIPPED"))
                .andExpect(jsonPath("$.requestedStatus").value("CANCELLED"))
                .andExpect(jsonPath("$.detail").value(containsString("SHIPPED")));
        verifyNoInteractions(outbox);

        mvc.perform(cancel("o-3", FULFILMENT_ADMIN, "{\"reason\":\"courier lost it\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.statusHistory[1].by").value("STAFF:f-1"));
    }

    @Test
    void cancellingAnotherCustomersOrderIs404AndADealersIs403() throws Exception {
        mvc.perform(cancel("o-1", bearer("ravi", "CUSTOMER"), "{\"reason\":\"mine now\"}"))
                .andExpect(problem(NOT_FOUND));
        mvc.perform(cancel("o-9", CUSTOMER, "{\"reason\":\"no such order\"}")).andExpect(problem(NOT_FOUND));
        mvc.perform(cancel("o-1", DEALER, "{\"reason\":\"out of stock\"}")).andExpect(problem(FORBIDDEN));
        verifyNoInteractions(outbox);
    }

    @Test
    void aCancellationWithoutAReasonOrWithAnEssayIs400OnTheField() throws Exception {
        mvc.perform(cancel("o-1", CUSTOMER, "{}")).andExpect(fieldError("reason"));
        mvc.perform(cancel("o-1", CUSTOMER, "{\"reason\":\" \"}")).andExpect(fieldError("reason"));
        mvc.perform(cancel("o-1", CUSTOMER, "{\"reason\":\"" + "x".repeat(CancelOrder.MAX_REASON + 1) + "\"}"))
                .andExpect(fieldError("reason"));
        verifyNoInteractions(outbox);
    }

    private static MockHttpServletRequestBuilder cancel(String orderId, String token, String body) {
        return post("/api/orders/" + orderId + "/cancel").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
