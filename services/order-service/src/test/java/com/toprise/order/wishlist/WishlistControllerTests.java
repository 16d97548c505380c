package com.toprise.order.wishlist;

import com.mongodb.client.result.DeleteResult;
import com.toprise.common.access.Scope;
import com.toprise.common.test.AccessControlSlice;
import com.toprise.common.test.TestMatrix;
import com.toprise.order.catalog.KnownProduct;
import com.toprise.order.catalog.KnownProducts;
import com.toprise.schemas.events.ProductUpdated.ProductStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.toprise.common.test.ProblemJson.fieldError;
import static com.toprise.common.test.ProblemJson.problem;
import static com.toprise.common.test.TestTokens.bearer;
import static com.toprise.common.test.TestTokens.forgedBearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/wishlist} through the real token check, permission matrix, {@link Wishlists} and problem+json
 * advice; only the store and the catalog copy are stand-ins.
 */
@WebMvcTest(WishlistController.class)
@Import({AccessControlSlice.class, Wishlists.class})
class WishlistControllerTests {

    private static final String CUSTOMER = bearer("c-1", "CUSTOMER");
    private static final KnownProduct PADS = new KnownProduct("BRK-PAD-001", "p-1", "Brake pads", "Bosch",
            ProductStatus.LIVE, new BigDecimal("1250.00"), List.of("brakes"), Instant.parse("2026-01-01T00:00:00Z"));

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private MongoTemplate mongo;
    @MockitoBean
    private KnownProducts products;

    @BeforeEach
    void permissions() {
        matrix.reset()
                .row("CUSTOMER", "wishlist", Scope.OWN, Scope.OWN, Scope.OWN)
                .row("DEALER", "wishlist", Scope.NONE, Scope.NONE, Scope.NONE);
        given(products.bySku(anyCollection())).willReturn(Map.of());
        given(products.bySku(eq(List.of("BRK-PAD-001")))).willReturn(Map.of("BRK-PAD-001", PADS));
        given(mongo.save(any(WishlistItem.class))).willAnswer(call -> call.getArgument(0));
    }

    @Test
    void aCustomerKeepsASkuWithANote() throws Exception {
        given(mongo.count(any(Query.class), eq(WishlistItem.class))).willReturn(3L);
        putSku("BRK-PAD-001", "{\"note\":\"for the Swift\"}", CUSTOMER)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sku").value("BRK-PAD-001"))
                .andExpect(jsonPath("$.name").value("Brake pads"))
                .andExpect(jsonPath("$.orderable").value(true))
                .andExpect(jsonPath("$.note").value("for the Swift"));
        ArgumentCaptor<WishlistItem> saved = ArgumentCaptor.forClass(WishlistItem.class);
        verify(mongo).save(saved.capture());
        assertThat(saved.getValue().id()).isEqualTo("c-1|BRK-PAD-001");
        assertThat(saved.getValue().customerId()).as("the owner is the caller").isEqualTo("c-1");
    }

    @Test
    void aFullWishlistIs409() throws Exception {
        given(mongo.count(any(Query.class), eq(WishlistItem.class))).willReturn((long) Wishlist.MAX_ITEMS);
        putSku("BRK-PAD-001", null, CUSTOMER)
                .andExpect(problem(CONFLICT))
                .andExpect(jsonPath("$.detail").value("A wishlist holds at most 200 items."));
        verify(mongo, never()).save(any(WishlistItem.class));
    }

    @Test
    void aKeptSkuGetsItsNoteEvenWhenTheWishlistIsFull() throws Exception {
        given(mongo.findById("c-1|BRK-PAD-001", WishlistItem.class)).willReturn(
                new WishlistItem("c-1|BRK-PAD-001", "c-1", "BRK-PAD-001", "old", Instant.parse("2026-02-01T00:00:00Z")));
        given(mongo.count(any(Query.class), eq(WishlistItem.class))).willReturn((long) Wishlist.MAX_ITEMS);
        putSku("BRK-PAD-001", "{\"note\":\"new\"}", CUSTOMER)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.note").value("new"))
                .andExpect(jsonPath("$.addedAt").value("2026-02-01T00:00:00Z"));
    }

    @Test
    void aSkuTheCatalogDoesNotKnowIsAFieldError() throws Exception {
        putSku("NO-SUCH-SKU", null, CUSTOMER).andExpect(fieldError("sku", KnownProduct.NOT_IN_CATALOG));
        verify(mongo, never()).save(any(WishlistItem.class));
    }

    @Test
    void aMalformedSkuOrNoteIsAFieldError() throws Exception {
        // @Validated on the controller validates through the method proxy, which names the field by its method
        putSku("BRK PAD", null, CUSTOMER).andExpect(fieldError("put.sku", "is not a SKU"));
        putSku("BRK-PAD-001", "{\"note\":\"" + "x".repeat(201) + "\"}", CUSTOMER).andExpect(fieldError("note"));
        verifyNoInteractions(mongo);
    }

    @Test
    void removingASkuTheWishlistDoesNotHoldIs404() throws Exception {
        given(mongo.remove(any(Query.class), eq(WishlistItem.class))).willReturn(DeleteResult.acknowledged(0));
        mvc.perform(delete("/api/wishlist/BRK-PAD-001").header(HttpHeaders.AUTHORIZATION, CUSTOMER))
                .andExpect(problem(NOT_FOUND));
        given(mongo.remove(any(Query.class), eq(WishlistItem.class))).willReturn(DeleteResult.acknowledged(1));
        mvc.perform(delete("/api/wishlist/BRK-PAD-001").header(HttpHeaders.AUTHORIZATION, CUSTOMER))
                .andExpect(status().isNoContent());
    }

    @Test
    void noTokenOrAForgedOneIs401() throws Exception {
        putSku("BRK-PAD-001", null, null).andExpect(problem(UNAUTHORIZED));
        putSku("BRK-PAD-001", null, forgedBearer("c-1", "CUSTOMER")).andExpect(problem(UNAUTHORIZED));
        verifyNoInteractions(mongo);
    }

    @Test
    void aDeactivatedAccountIs401FromItsNextCall() throws Exception {
        matrix.deactivate("c-1");
        putSku("BRK-PAD-001", null, CUSTOMER).andExpect(problem(UNAUTHORIZED));
    }

    @Test
    void aRoleWhoseCellIsNoneIs403() throws Exception {
        putSku("BRK-PAD-001", null, bearer("d-1", "DEALER")).andExpect(problem(FORBIDDEN));
        verifyNoInteractions(mongo);
    }

    private ResultActions putSku(String sku, String body, String authorization) throws Exception {
        var request = put("/api/wishlist/{sku}", sku);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }
}
