package com.toprise.product.brand;

import com.toprise.common.access.Scope;
import com.toprise.common.test.AccessControlSlice;
import com.toprise.common.test.TestMatrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Instant;
import java.util.Optional;

import static com.toprise.common.test.ProblemJson.fieldError;
import static com.toprise.common.test.ProblemJson.problem;
import static com.toprise.common.test.TestTokens.bearer;
import static com.toprise.common.test.TestTokens.forgedBearer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/brands} through the real token check, permission matrix and problem+json advice: reads are public
 * (yet a bad token is still 401), writes need the matrix.
 */
@WebMvcTest(BrandController.class)
@Import(AccessControlSlice.class)
class BrandControllerTests {

    private static final String ADMIN = bearer("u-admin", "INVENTORY_ADMIN");
    private static final Brand BOSCH = new Brand("BOSCH", "Bosch", "DE", Instant.parse("2026-01-01T00:00:00Z"));

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private BrandRepository brands;

    @BeforeEach
    void permissions() {
        matrix.reset()
                .row("INVENTORY_ADMIN", "brands", Scope.ALL, Scope.ALL, Scope.ALL)
                .row("CUSTOMER", "brands", Scope.ALL, Scope.NONE, Scope.NONE);
        given(brands.insert(any(Brand.class))).willAnswer(call -> call.getArgument(0));
    }

    @Test
    void anyoneReadsABrandWithoutAToken() throws Exception {
        given(brands.findById("BOSCH")).willReturn(Optional.of(BOSCH));
        mvc.perform(get("/api/brands/BOSCH"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Bosch"));
    }

    @Test
    void aForgedTokenIs401EvenOnAPublicEndpoint() throws Exception {
        given(brands.findById("BOSCH")).willReturn(Optional.of(BOSCH));
        mvc.perform(get("/api/brands/BOSCH").header(HttpHeaders.AUTHORIZATION, forgedBearer("u-admin", "INVENTORY_ADMIN")))
                .andExpect(problem(UNAUTHORIZED));
    }

    @Test
    void creatingWithoutATokenIs401() throws Exception {
        create("{\"code\":\"MINDA\",\"name\":\"Minda\"}", null).andExpect(problem(UNAUTHORIZED));
        verify(brands, never()).insert(any(Brand.class));
    }

    @Test
    void aRoleThatMayNotWriteIs403() throws Exception {
        create("{\"code\":\"MINDA\",\"name\":\"Minda\"}", bearer("c-1", "CUSTOMER")).andExpect(problem(FORBIDDEN));
        verify(brands, never()).insert(any(Brand.class));
    }

    @Test
    void anAdminCreatesABrand() throws Exception {
        create("{\"code\":\"MINDA\",\"name\":\"Minda\",\"country\":\"IN\"}", ADMIN)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("MINDA"));
    }

    @Test
    void aTakenCodeIs409() throws Exception {
        given(brands.existsById("BOSCH")).willReturn(true);
        create("{\"code\":\"BOSCH\",\"name\":\"Bosch\"}", ADMIN).andExpect(problem(CONFLICT));
        verify(brands, never()).insert(any(Brand.class));
    }

    @Test
    void badFieldsAreEachNamed() throws Exception {
        create("{\"code\":\"bosch\",\"name\":\"\"}", ADMIN)
                .andExpect(fieldError("code", "must be 2-32 upper-case letters, digits or dashes"))
                .andExpect(fieldError("name"));
        create("{\"code\":", ADMIN).andExpect(problem(BAD_REQUEST))
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON."));
    }

    @Test
    void aMissingBrandIs404() throws Exception {
        given(brands.findById("NOPE")).willReturn(Optional.empty());
        mvc.perform(get("/api/brands/NOPE")).andExpect(problem(NOT_FOUND));
    }

    private ResultActions create(String body, String authorization) throws Exception {
        var request = post("/api/brands").contentType(MediaType.APPLICATION_JSON).content(body);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return mvc.perform(request);
    }
}
