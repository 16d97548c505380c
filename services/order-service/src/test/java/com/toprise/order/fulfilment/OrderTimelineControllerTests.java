package com.toprise.order.fulfilment;

import com.toprise.common.access.Scope;
import com.toprise.common.test.AccessControlSlice;
import com.toprise.common.test.TestMatrix;
import com.toprise.order.order.Order;
import com.toprise.order.order.OrderState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static com.toprise.common.test.ProblemJson.problem;
import static com.toprise.common.test.TestTokens.bearer;
import static com.toprise.order.fulfilment.FulfilmentFixtures.PARCEL;
import static com.toprise.order.fulfilment.FulfilmentFixtures.T;
import static org.mockito.BDDMockito.given;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/orders/{id}/timeline}: the customer who placed the order sees its steps and every line's, in time
 * order; another customer gets 404 like a missing order, a role without orders 403, an admin with ALL any order.
 */
@WebMvcTest(OrderTimelineController.class)
@Import(AccessControlSlice.class)
class OrderTimelineControllerTests {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private MongoTemplate mongo;
    @MockitoBean
    private FulfilmentStore fulfilments;

    @BeforeEach
    void orders() {
        matrix.reset()
                .row("CUSTOMER", "orders", Scope.OWN, Scope.OWN, Scope.NONE)
                .row("FULFILLMENT_ADMIN", "orders", Scope.ALL, Scope.ALL, Scope.NONE);
        given(mongo.findById("o-1", Order.class)).willReturn(FulfilmentFixtures.order("o-1", "asha",
                OrderState.CONFIRMED));
        Fulfilment f = FulfilmentFixtures.offered().accept("DEALER:d-1", T.plusSeconds(60)).fulfilment();
        f = f.pick("BRK-1", T.plusSeconds(120)).fulfilment().pack(PARCEL, "DEALER:d-1", T.plusSeconds(180))
                .fulfilment();
        given(fulfilments.ofOrder("o-1")).willReturn(List.of(f));
    }

    @Test
    void theCustomerSeesTheOrderAndEveryLineStepInTimeOrder() throws Exception {
        mvc.perform(get("/api/orders/o-1/timeline").header(HttpHeaders.AUTHORIZATION, bearer("asha", "CUSTOMER")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.orderId").value("o-1"))
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.entries.length()").value(5))
                .andExpect(jsonPath("$.entries[0].kind").value("ORDER"))
                .andExpect(jsonPath("$.entries[0].status").value("CREATED"))
                .andExpect(jsonPath("$.entries[1].status").value("CONFIRMED"))
                .andExpect(jsonPath("$.entries[2].kind").value("LINE"))
                .andExpect(jsonPath("$.entries[2].status").value("ASSIGNED"))
                .andExpect(jsonPath("$.entries[2].sku").value("BRK-1"))
                .andExpect(jsonPath("$.entries[3].status").value("PICKED"))
                .andExpect(jsonPath("$.entries[4].status").value("PACKED"))
                .andExpect(jsonPath("$.entries[4].fulfilmentId").value("o-1-1"));
    }

    @Test
    void anotherCustomersOrderIsNotFoundAndAnAdminSeesAny() throws Exception {
        mvc.perform(get("/api/orders/o-1/timeline").header(HttpHeaders.AUTHORIZATION, bearer("ravi", "CUSTOMER")))
                .andExpect(problem(NOT_FOUND));
        mvc.perform(get("/api/orders/o-9/timeline").header(HttpHeaders.AUTHORIZATION, bearer("asha", "CUSTOMER")))
                .andExpect(problem(NOT_FOUND));
        mvc.perform(get("/api/orders/o-1/timeline").header(HttpHeaders.AUTHORIZATION,
                bearer("fa-1", "FULFILLMENT_ADMIN"))).andExpect(status().isOk());
        mvc.perform(get("/api/orders/o-1/timeline").header(HttpHeaders.AUTHORIZATION, bearer("d-1", "DEALER")))
                .andExpect(problem(FORBIDDEN));
    }
}
