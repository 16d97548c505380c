package com.toprise.order.cart;

import com.toprise.common.access.Scope;
import com.toprise.common.test.AccessControlSlice;
import com.toprise.common.test.TestMatrix;
import com.toprise.common.web.UnprocessableContentException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static com.toprise.common.test.ProblemJson.fieldError;
import static com.toprise.common.test.ProblemJson.problem;
import static com.toprise.common.test.TestTokens.bearer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * How {@code /api/cart} answers what it refuses: 422 for a reused Idempotency-Key at checkout (the rule is order
 * intake's, tested there; here only its answer), 400 field errors for bad quantities, 403 for a closed cell.
 */
@WebMvcTest(CartController.class)
@Import(AccessControlSlice.class)
class CartControllerTests {

    private static final String CUSTOMER = bearer("c-1", "CUSTOMER");

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private Carts carts;

    @BeforeEach
    void permissions() {
        matrix.reset().row("CUSTOMER", "carts", Scope.OWN, Scope.OWN, Scope.OWN);
    }

    @Test
    void aReusedIdempotencyKeyAtCheckoutIs422() throws Exception {
        given(carts.checkout(eq("c-1"), any(Checkout.class), eq("key-1")))
                .willThrow(new UnprocessableContentException("This Idempotency-Key was used for a different order."));
        mvc.perform(post("/api/cart/checkout").header(HttpHeaders.AUTHORIZATION, CUSTOMER)
                        .header("Idempotency-Key", "key-1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"deliveryAddressId\":\"a-1\"}"))
                .andExpect(problem(UNPROCESSABLE_CONTENT))
                .andExpect(jsonPath("$.detail").value("This Idempotency-Key was used for a different order."));
    }

    @Test
    void aCheckoutWithoutAddressIsAFieldError() throws Exception {
        mvc.perform(post("/api/cart/checkout").header(HttpHeaders.AUTHORIZATION, CUSTOMER)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(fieldError("deliveryAddressId"));
        verifyNoInteractions(carts);
    }

    @Test
    void quantitiesOutsideOneToTheMaximumAreFieldErrors() throws Exception {
        for (String quantity : new String[] {"0", "101"}) {
            mvc.perform(put("/api/cart/items/BRK-PAD-001").header(HttpHeaders.AUTHORIZATION, CUSTOMER)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":" + quantity + "}"))
                    .andExpect(fieldError("quantity"));
        }
        mvc.perform(put("/api/cart/items/BRK-PAD-001").header(HttpHeaders.AUTHORIZATION, CUSTOMER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":\"many\"}"))
                .andExpect(fieldError("quantity", "has the wrong type or format"));
        verifyNoInteractions(carts);
    }

    @Test
    void aRoleWithoutACartIs403() throws Exception {
        mvc.perform(post("/api/cart/checkout").header(HttpHeaders.AUTHORIZATION, bearer("u-9", "ANALYTICS_ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"deliveryAddressId\":\"a-1\"}"))
                .andExpect(problem(FORBIDDEN));
        verifyNoInteractions(carts);
    }
}
