package com.toprise.user.permission;

import com.toprise.common.access.Scope;
import com.toprise.common.test.AccessControlSlice;
import com.toprise.common.test.TestMatrix;
import com.toprise.common.web.ConflictException;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * {@code PUT /api/permissions/{role}/{resource}}: who may edit the matrix and how a refused edit is answered (the
 * rules themselves are {@link PermissionMatrixAdminTest}'s).
 */
@WebMvcTest(PermissionController.class)
@Import(AccessControlSlice.class)
class PermissionControllerTests {

    private static final String ADMIN = bearer("u-admin", "SUPER_ADMIN");

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private PermissionRepository permissions;
    @MockitoBean
    private PermissionMatrixAdmin admin;

    @BeforeEach
    void permissions() {
        matrix.reset()
                .row("SUPER_ADMIN", "permissions", Scope.ALL, Scope.ALL, Scope.ALL)
                .row("FULFILLMENT_ADMIN", "permissions", Scope.ALL, Scope.NONE, Scope.NONE);
    }

    @Test
    void aRoleThatMayOnlyReadTheMatrixCannotEditIt() throws Exception {
        change("SUPER_ADMIN", "orders", "{\"read\":\"ALL\",\"write\":\"ALL\",\"delete\":\"ALL\"}",
                bearer("u-f", "FULFILLMENT_ADMIN")).andExpect(problem(FORBIDDEN));
        verify(admin, never()).change(any(), any(), any(), any());
    }

    @Test
    void takingTheSuperAdminsOwnWriteAwayIs409() throws Exception {
        given(admin.change(eq("SUPER_ADMIN"), eq("permissions"), any(), eq("u-admin")))
                .willThrow(new ConflictException("Super-admin must keep reading and writing the permission matrix."));
        change("SUPER_ADMIN", "permissions", "{\"read\":\"ALL\",\"write\":\"NONE\",\"delete\":\"ALL\"}", ADMIN)
                .andExpect(problem(CONFLICT))
                .andExpect(jsonPath("$.detail").value("Super-admin must keep reading and writing the permission matrix."));
    }

    @Test
    void aMissingOrUnknownScopeIsAFieldError() throws Exception {
        change("CUSTOMER", "orders", "{\"read\":\"ALL\",\"write\":\"ALL\"}", ADMIN).andExpect(fieldError("delete"));
        change("CUSTOMER", "orders", "{\"read\":\"SOME\",\"write\":\"ALL\",\"delete\":\"ALL\"}", ADMIN)
                .andExpect(fieldError("read", "has the wrong type or format"));
        verify(admin, never()).change(any(), any(), any(), any());
    }

    private ResultActions change(String role, String resource, String body, String authorization) throws Exception {
        return mvc.perform(put("/api/permissions/{role}/{resource}", role, resource)
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
