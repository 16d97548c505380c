package com.toprise.user.account;

import com.toprise.common.access.Scope;
import com.toprise.common.test.AccessControlSlice;
import com.toprise.common.test.TestMatrix;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.schemas.events.UserCreated.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageImpl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Optional;

import static com.toprise.common.test.ProblemJson.fieldError;
import static com.toprise.common.test.ProblemJson.problem;
import static com.toprise.common.test.TestTokens.bearer;
import static com.toprise.user.account.TestAccounts.dealer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/dealers} through the real token check, permission matrix and {@link AccountsInScope}: a dealer sees
 * and changes only itself, admins see all; what admins send is answered with field errors and 409s.
 */
@WebMvcTest(DealerController.class)
@Import({AccessControlSlice.class, AccountsInScope.class})
class DealerControllerTests {

    private static final String DEALER_1 = bearer("d-1", "DEALER");
    private static final String ADMIN = bearer("u-admin", "SUPER_ADMIN");
    private static final String NEW_DEALER = """
            {"email":"dev@example.com","password":"long-enough-1","name":"Dev","businessName":"Dev Auto Parts",
             "gstin":"27AAPFU0939F1ZV","pincode":"110001","categories":["brakes"]}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private UserAccountRepository accounts;
    @MockitoBean
    private UserAdministration administration;

    @BeforeEach
    void permissions() {
        matrix.reset()
                .row("DEALER", "dealers", Scope.OWN, Scope.OWN, Scope.NONE)
                .row("SUPER_ADMIN", "dealers", Scope.ALL, Scope.ALL, Scope.ALL)
                .row("CUSTOMER", "dealers", Scope.NONE, Scope.NONE, Scope.NONE);
        given(accounts.findById("d-1")).willReturn(Optional.of(dealer("d-1")));
        given(accounts.findById("d-2")).willReturn(Optional.of(dealer("d-2")));
    }

    @Test
    void aDealerListsOnlyItself() throws Exception {
        mvc.perform(get("/api/dealers").header(HttpHeaders.AUTHORIZATION, DEALER_1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value("d-1"))
                .andExpect(jsonPath("$.items[0].passwordHash").doesNotExist());
    }

    @Test
    void anAdminListsEveryDealer() throws Exception {
        given(accounts.findByRole(eq(Role.DEALER), any())).willReturn(new PageImpl<>(List.of(dealer("d-1"), dealer("d-2"))));
        mvc.perform(get("/api/dealers").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2));
    }

    @Test
    void anotherDealerIs404ForReadingAndForAssigning() throws Exception {
        mvc.perform(get("/api/dealers/d-2").header(HttpHeaders.AUTHORIZATION, DEALER_1))
                .andExpect(problem(NOT_FOUND));
        mvc.perform(put("/api/dealers/d-2/categories").header(HttpHeaders.AUTHORIZATION, DEALER_1)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"categories\":[\"brakes\"]}"))
                .andExpect(problem(NOT_FOUND));
        verifyNoInteractions(administration);
        mvc.perform(get("/api/dealers/d-2").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("d-2"));
    }

    @Test
    void aRoleWhoseCellIsNoneIs403() throws Exception {
        mvc.perform(get("/api/dealers/d-1").header(HttpHeaders.AUTHORIZATION, bearer("c-1", "CUSTOMER")))
                .andExpect(problem(FORBIDDEN));
    }

    @Test
    void anEmailInUseIs409() throws Exception {
        given(administration.createDealer(any(NewDealer.class)))
                .willThrow(new DuplicateKeyException("an account with this email exists"));
        mvc.perform(post("/api/dealers").header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content(NEW_DEALER))
                .andExpect(problem(CONFLICT));
    }

    @Test
    void badFieldsAndUnknownCategoriesAreFieldErrors() throws Exception {
        mvc.perform(post("/api/dealers").header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NEW_DEALER.replace("27AAPFU0939F1ZV", "GST").replace("long-enough-1", "short")))
                .andExpect(fieldError("gstin", "is not a valid GSTIN"))
                .andExpect(fieldError("password", "must be 10 to 128 characters"));
        verifyNoInteractions(administration);

        given(administration.assignCategories(eq("d-1"), anyList()))
                .willThrow(InvalidRequestException.of("categories[0]", "is not a category of the catalog"));
        mvc.perform(put("/api/dealers/d-1/categories").header(HttpHeaders.AUTHORIZATION, DEALER_1)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"categories\":[\"nope\"]}"))
                .andExpect(fieldError("categories[0]", "is not a category of the catalog"));
    }
}
