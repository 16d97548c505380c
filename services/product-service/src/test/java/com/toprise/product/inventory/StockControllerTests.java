package com.toprise.product.inventory;

import com.toprise.common.access.Scope;
import com.toprise.common.test.AccessControlSlice;
import com.toprise.common.test.TestMatrix;
import com.toprise.schemas.topics.Topics;
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

import java.time.Instant;
import java.util.List;

import static com.toprise.common.test.ProblemJson.fieldError;
import static com.toprise.common.test.ProblemJson.problem;
import static com.toprise.common.test.TestTokens.bearer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/inventory/stock} under the matrix: a dealer (scope OWN) reaches its own stock only, and another
 * dealer's is answered like a missing one, so stock ids cannot be probed.
 */
@WebMvcTest(StockController.class)
@Import(AccessControlSlice.class)
class StockControllerTests {

    private static final String DEALER_1 = bearer("d-1", "DEALER");

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private StockLedger ledger;
    @MockitoBean
    private MongoTemplate mongo;

    @BeforeEach
    void permissions() {
        matrix.reset()
                .row("DEALER", "inventory", Scope.OWN, Scope.OWN, Scope.NONE)
                .row("INVENTORY_ADMIN", "inventory", Scope.ALL, Scope.ALL, Scope.ALL)
                .row("CUSTOMER", "inventory", Scope.NONE, Scope.NONE, Scope.NONE);
    }

    @Test
    void aDealerReadsItsOwnStock() throws Exception {
        String id = Topics.inventoryKey("BRK-PAD-001", "d-1");
        given(mongo.findById(id, DealerStock.class)).willReturn(
                new DealerStock(id, "BRK-PAD-001", "d-1", 7, 3, Instant.parse("2026-01-01T00:00:00Z"), List.of()));
        mvc.perform(get("/api/inventory/stock/BRK-PAD-001/d-1").header(HttpHeaders.AUTHORIZATION, DEALER_1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.onHand").value(7));
    }

    @Test
    void anotherDealersStockIs404WithoutBeingLookedUp() throws Exception {
        mvc.perform(get("/api/inventory/stock/BRK-PAD-001/d-2").header(HttpHeaders.AUTHORIZATION, DEALER_1))
                .andExpect(problem(NOT_FOUND));
        verify(mongo, never()).findById(anyString(), eq(DealerStock.class));
    }

    @Test
    void aDealerCannotAdjustAnotherDealersStock() throws Exception {
        mvc.perform(post("/api/inventory/stock/adjustments").header(HttpHeaders.AUTHORIZATION, DEALER_1)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sku\":\"BRK-PAD-001\",\"dealerId\":\"d-2\",\"delta\":5,\"reason\":\"RESTOCK\"}"))
                .andExpect(problem(NOT_FOUND));
        verifyNoInteractions(ledger);
    }

    @Test
    void anAdminsStockThatDoesNotExistIs404() throws Exception {
        mvc.perform(get("/api/inventory/stock/BRK-PAD-001/d-2")
                        .header(HttpHeaders.AUTHORIZATION, bearer("u-admin", "INVENTORY_ADMIN")))
                .andExpect(problem(NOT_FOUND));
        verify(mongo).findById(Topics.inventoryKey("BRK-PAD-001", "d-2"), DealerStock.class);
    }

    @Test
    void aRoleWhoseCellIsNoneIs403() throws Exception {
        mvc.perform(get("/api/inventory/stock/BRK-PAD-001/d-1").header(HttpHeaders.AUTHORIZATION, bearer("c-1", "CUSTOMER")))
                .andExpect(problem(FORBIDDEN));
        verifyNoInteractions(mongo);
    }

    @Test
    void anAdjustmentWithoutFieldsNamesThem() throws Exception {
        mvc.perform(post("/api/inventory/stock/adjustments").header(HttpHeaders.AUTHORIZATION, DEALER_1)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(fieldError("sku"))
                .andExpect(fieldError("dealerId"));
        verify(ledger, never()).adjust(any(), any(), any());
    }
}
