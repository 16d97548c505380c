package com.toprise.user.account;

import com.toprise.common.access.Scope;
import com.toprise.common.test.AccessControlSlice;
import com.toprise.common.test.TestMatrix;
import com.toprise.common.web.ConflictException;
import com.toprise.schemas.events.UserCreated.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Optional;

import static com.toprise.common.test.ProblemJson.fieldError;
import static com.toprise.common.test.ProblemJson.problem;
import static com.toprise.common.test.TestTokens.bearer;
import static com.toprise.user.account.TestAccounts.customer;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/customers} edits: admins change a customer's contact and (de)activate it; a customer, even one the
 * matrix lets write its own record, deactivates nobody and reaches no one else's record.
 */
@WebMvcTest(CustomerController.class)
@Import({AccessControlSlice.class, AccountsInScope.class})
class CustomerControllerTests {

    private static final String ADMIN = bearer("u-admin", "SUPER_ADMIN");
    private static final String CUSTOMER_1 = bearer("c-1", "CUSTOMER");

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private UserAccountRepository accounts;
    @MockitoBean
    private AccountProfiles profiles;
    @MockitoBean
    private UserAdministration administration;

    @BeforeEach
    void permissions() {
        matrix.reset()
                .row("SUPER_ADMIN", "customers", Scope.ALL, Scope.ALL, Scope.ALL)
                .row("CUSTOMER", "customers", Scope.OWN, Scope.OWN, Scope.NONE)
                .row("DEALER", "customers", Scope.NONE, Scope.NONE, Scope.NONE);
        given(accounts.findById("c-1")).willReturn(Optional.of(customer("c-1")));
    }

    @Test
    void anAdminChangesACustomersContactAndDeactivatesIt() throws Exception {
        given(profiles.changeContact("c-2", Role.CUSTOMER, new ContactChange("Meera", null)))
                .willReturn(customer("c-2").withContact(new ContactChange("Meera", null), TestAccounts.CREATED));
        mvc.perform(put("/api/customers/c-2").header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Meera\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Meera"));

        given(administration.setActive(Role.CUSTOMER, "c-2", false, "u-admin"))
                .willReturn(customer("c-2").withActive(false, TestAccounts.CREATED));
        mvc.perform(post("/api/customers/c-2/deactivate").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        given(administration.setActive(Role.CUSTOMER, "u-admin", false, "u-admin"))
                .willThrow(new ConflictException("An admin cannot deactivate its own account."));
        mvc.perform(post("/api/customers/u-admin/deactivate").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(problem(CONFLICT));
    }

    @Test
    void aCustomerDeactivatesNobodyAndEditsNoOneElse() throws Exception {
        mvc.perform(post("/api/customers/c-1/deactivate").header(HttpHeaders.AUTHORIZATION, CUSTOMER_1))
                .andExpect(problem(FORBIDDEN));
        mvc.perform(post("/api/customers/c-2/activate").header(HttpHeaders.AUTHORIZATION, CUSTOMER_1))
                .andExpect(problem(FORBIDDEN));
        mvc.perform(put("/api/customers/c-2").header(HttpHeaders.AUTHORIZATION, CUSTOMER_1)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Not me\"}"))
                .andExpect(problem(NOT_FOUND));
        mvc.perform(post("/api/customers/c-2/deactivate").header(HttpHeaders.AUTHORIZATION, bearer("d-1", "DEALER")))
                .andExpect(problem(FORBIDDEN));
        verifyNoInteractions(administration, profiles);
    }

    @Test
    void aContactWithoutANameIsAFieldError() throws Exception {
        mvc.perform(put("/api/customers/c-2").header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"+919800000001\"}"))
                .andExpect(fieldError("name"));
        verifyNoInteractions(profiles);
    }
}
