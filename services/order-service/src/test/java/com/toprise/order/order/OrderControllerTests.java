package com.toprise.order.order;

import com.toprise.common.access.Scope;
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

import java.util.List;

import static com.toprise.common.test.ProblemJson.problem;
import static com.toprise.common.test.TestTokens.bearer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How {@code /api/orders} answers a dealer under the seed's row (read OWN, write OWN): its allocated order is
 * read, anyone else's is 404 like a missing one, placing an order is 403 unless the matrix gives write ALL; a
 * customer still places orders. The real {@link OrderSearch} runs on a mocked store, so the rule under test is the
 * service's, not a stub's.
 */
@WebMvcTest(OrderController.class)
@Import({AccessControlSlice.class, OrderSearch.class})
class OrderControllerTests {

    private static final String DEALER = bearer("d-1", "DEALER");
    private static final String CUSTOMER = bearer("asha", "CUSTOMER");
    private static final String NEW_ORDER = "{\"lines\":[{\"sku\":\"BRK-1\",\"quantity\":1}],\"deliveryAddressId\":\"a-1\"}";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private MongoTemplate mongo;
    @MockitoBean
    private OrderIntake intake;

    @BeforeEach
    void permissions() {
        matrix.reset()
                .row("DEALER", "orders", Scope.OWN, Scope.OWN, Scope.NONE)
                .row("CUSTOMER", "orders", Scope.OWN, Scope.OWN, Scope.NONE);
        given(mongo.findById("o-1", Order.class)).willReturn(OrdersInScopeTest.order("o-1", "asha", List.of("d-1")));
        given(mongo.findById("o-2", Order.class)).willReturn(OrdersInScopeTest.order("o-2", "asha", List.of("d-2")));
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
}
