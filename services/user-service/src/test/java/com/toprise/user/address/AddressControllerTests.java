package com.toprise.user.address;

import com.toprise.common.access.Scope;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.test.AccessControlSlice;
import com.toprise.common.test.TestMatrix;
import com.toprise.user.account.UserAccountRepository;
import com.toprise.user.geo.Geocoder;
import com.toprise.user.pincode.Pincode;
import com.toprise.user.pincode.PincodeRepository;
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

import java.util.Optional;

import static com.toprise.common.test.ProblemJson.fieldError;
import static com.toprise.common.test.ProblemJson.problem;
import static com.toprise.common.test.TestTokens.bearer;
import static com.toprise.common.test.TestTokens.forgedBearer;
import static com.toprise.user.address.AddressBookTest.AT;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/addresses} through the real token check, permission matrix, {@link AddressBook} and problem+json
 * advice; only the repositories, the geocoder and the outbox are stand-ins.
 */
@WebMvcTest(AddressController.class)
@Import({AccessControlSlice.class, AddressBook.class})
class AddressControllerTests {

    private static final String CUSTOMER = bearer("c-1", "CUSTOMER");
    private static final String HOME = """
            {"label":"Home","line1":"12 MG Road","city":"Delhi","state":"Delhi","pincode":"110001"}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private AddressRepository addresses;
    @MockitoBean
    private PincodeRepository pincodes;
    @MockitoBean
    private OutboxWriter outbox;
    @MockitoBean
    private UserAccountRepository accounts;
    @MockitoBean
    private Geocoder geocoder;

    @BeforeEach
    void permissions() {
        matrix.reset()
                .row("CUSTOMER", "addresses", Scope.OWN, Scope.OWN, Scope.OWN)
                .row("FULFILLMENT_ADMIN", "addresses", Scope.ALL, Scope.NONE, Scope.NONE)
                .row("DEALER", "addresses", Scope.NONE, Scope.NONE, Scope.NONE);
        given(pincodes.findById("110001"))
                .willReturn(Optional.of(new Pincode("110001", "Delhi", "Delhi", true, null, AT, AT)));
        given(outbox.insert(any(), any())).willAnswer(call -> call.getArgument(0));
        given(addresses.findById("a-2")).willReturn(Optional.of(
                new Address("a-2", "c-2", "Home", "1 Main St", null, "Delhi", "Delhi", "110001", null, AT, AT)));
    }

    @Test
    void aCustomerAddsAnAddressOwnedByItself() throws Exception {
        add(HOME, CUSTOMER)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.userId").value("c-1"))
                .andExpect(jsonPath("$.pincode").value("110001"));
    }

    @Test
    void noTokenOrAForgedOneIs401() throws Exception {
        mvc.perform(get("/api/addresses/a-2")).andExpect(problem(UNAUTHORIZED));
        mvc.perform(get("/api/addresses/a-2").header(HttpHeaders.AUTHORIZATION, forgedBearer("c-2", "CUSTOMER")))
                .andExpect(problem(UNAUTHORIZED));
        mvc.perform(get("/api/addresses/a-2").header(HttpHeaders.AUTHORIZATION, "Basic YTpi"))
                .andExpect(problem(UNAUTHORIZED));
        verify(addresses, never()).findById("a-2");
    }

    @Test
    void aRoleWhoseCellIsNoneIs403() throws Exception {
        add(HOME, bearer("d-1", "DEALER")).andExpect(problem(FORBIDDEN));
        mvc.perform(post("/api/addresses").header(HttpHeaders.AUTHORIZATION, bearer("u-f", "FULFILLMENT_ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON).content(HOME))
                .andExpect(problem(FORBIDDEN));
        verifyNoInteractions(outbox);
    }

    @Test
    void someoneElsesAddressIs404UnderOwnScopeAndReadableWithAll() throws Exception {
        mvc.perform(get("/api/addresses/a-2").header(HttpHeaders.AUTHORIZATION, CUSTOMER))
                .andExpect(problem(NOT_FOUND));
        mvc.perform(delete("/api/addresses/a-2").header(HttpHeaders.AUTHORIZATION, CUSTOMER))
                .andExpect(problem(NOT_FOUND));
        verify(addresses, never()).delete(any());
        mvc.perform(get("/api/addresses/a-2").header(HttpHeaders.AUTHORIZATION, bearer("u-f", "FULFILLMENT_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value("c-2"));
    }

    @Test
    void aMissingAddressIs404() throws Exception {
        given(addresses.findById("a-9")).willReturn(Optional.empty());
        mvc.perform(get("/api/addresses/a-9").header(HttpHeaders.AUTHORIZATION, CUSTOMER))
                .andExpect(problem(NOT_FOUND));
    }

    @Test
    void theTwentyFirstAddressIs409() throws Exception {
        given(addresses.countByUserId("c-1")).willReturn(20L);
        add(HOME, CUSTOMER)
                .andExpect(problem(CONFLICT))
                .andExpect(jsonPath("$.detail").value("An account can keep at most 20 addresses."));
        verifyNoInteractions(outbox);
    }

    @Test
    void badFieldsAndUnservedPincodesAreFieldErrors() throws Exception {
        add("""
                {"line1":"","city":"Delhi","state":"Delhi","pincode":"01234"}""", CUSTOMER)
                .andExpect(fieldError("line1"))
                .andExpect(fieldError("pincode", "must be a six-digit pincode"));
        add(HOME.replace("110001", "560001"), CUSTOMER)
                .andExpect(fieldError("pincode", "is not a serviceable pincode"));
        verifyNoInteractions(outbox);
    }

    private ResultActions add(String body, String authorization) throws Exception {
        return mvc.perform(post("/api/addresses").header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
