package com.toprise.user.account;

import com.toprise.common.access.Scope;
import com.toprise.common.test.AccessControlSlice;
import com.toprise.common.test.TestMatrix;
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
import org.springframework.test.web.servlet.ResultActions;

import static com.toprise.common.test.ProblemJson.fieldError;
import static com.toprise.common.test.ProblemJson.problem;
import static com.toprise.common.test.TestTokens.bearer;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code PUT /api/users/me}: the caller's own name and phone, always its own account, whatever it sends. */
@WebMvcTest(UserController.class)
@Import(AccessControlSlice.class)
class UserControllerTests {

    private static final String CUSTOMER = bearer("c-1", "CUSTOMER");

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private UserAccountRepository accounts;
    @MockitoBean
    private AccountProfiles profiles;

    @BeforeEach
    void permissions() {
        matrix.reset()
                .row("CUSTOMER", "users", Scope.OWN, Scope.OWN, Scope.NONE)
                .row("EMPLOYEE", "users", Scope.OWN, Scope.NONE, Scope.NONE);
    }

    @Test
    void aCustomerChangesItsOwnNameAndPhone() throws Exception {
        UserAccount changed = TestAccounts.customer("c-1").withContact(new ContactChange("Asha", "+919800000001"),
                TestAccounts.CREATED);
        given(profiles.changeContact("c-1", null, new ContactChange("Asha", "+919800000001"))).willReturn(changed);
        changeMe("{\"name\":\"Asha\",\"phone\":\"+919800000001\",\"id\":\"c-2\",\"role\":\"SUPER_ADMIN\"}", CUSTOMER)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("c-1"))
                .andExpect(jsonPath("$.role").value(Role.CUSTOMER.name()))
                .andExpect(jsonPath("$.phone").value("+919800000001"));
    }

    @Test
    void aNameIsRequiredAndAPhoneIsDigits() throws Exception {
        changeMe("{\"name\":\" \",\"phone\":\"98-00\"}", CUSTOMER)
                .andExpect(fieldError("name"))
                .andExpect(fieldError("phone", "must be 10 to 15 digits, optionally after +"));
        changeMe("{\"phone\":\"+919800000001\"}", CUSTOMER).andExpect(fieldError("name"));
        verifyNoInteractions(profiles);
    }

    @Test
    void withoutWriteOnUsersOrATokenItIsRefused() throws Exception {
        changeMe("{\"name\":\"E\"}", bearer("e-1", "EMPLOYEE")).andExpect(problem(FORBIDDEN));
        mvc.perform(put("/api/users/me").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"E\"}"))
                .andExpect(problem(UNAUTHORIZED));
        verifyNoInteractions(profiles);
    }

    private ResultActions changeMe(String body, String token) throws Exception {
        return mvc.perform(put("/api/users/me").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
