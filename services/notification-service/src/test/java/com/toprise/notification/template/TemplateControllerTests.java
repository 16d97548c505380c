package com.toprise.notification.template;

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
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/notifications/templates} through the real token check, permission matrix and problem+json advice:
 * who may call it, and how each refusal is answered.
 */
@WebMvcTest(TemplateController.class)
@Import(AccessControlSlice.class)
class TemplateControllerTests {

    private static final String ADMIN = bearer("u-admin", "SUPER_ADMIN");
    private static final String CUSTOMER = bearer("u-customer", "CUSTOMER");
    private static final String SMS_BODY = """
            {"code":"ORDER_SHIPPED","channel":"SMS","body":"Your order {{orderId}} is on its way"}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private TemplateRepository templates;

    @BeforeEach
    void permissions() {
        matrix.reset()
                .row("SUPER_ADMIN", "templates", Scope.ALL, Scope.ALL, Scope.ALL)
                .row("CUSTOMER", "templates", Scope.NONE, Scope.NONE, Scope.NONE);
        given(templates.insert(any(Template.class))).willAnswer(call -> call.getArgument(0));
    }

    @Test
    void anAdminCreatesATemplate() throws Exception {
        create(SMS_BODY, ADMIN)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("ORDER_SHIPPED"))
                .andExpect(jsonPath("$.channel").value("SMS"));
        verify(templates).insert(any(Template.class));
    }

    @Test
    void noTokenIs401WithTheBearerChallenge() throws Exception {
        mvc.perform(get("/api/notifications/templates/ORDER_SHIPPED"))
                .andExpect(problem(UNAUTHORIZED))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        mvc.perform(get("/api/notifications/templates/ORDER_SHIPPED")
                        .header(HttpHeaders.AUTHORIZATION, forgedBearer("u-admin", "SUPER_ADMIN")))
                .andExpect(problem(UNAUTHORIZED));
        verify(templates, never()).findById(any());
    }

    @Test
    void aRoleWhoseCellIsNoneIs403() throws Exception {
        create(SMS_BODY, CUSTOMER).andExpect(problem(FORBIDDEN));
        mvc.perform(get("/api/notifications/templates").header(HttpHeaders.AUTHORIZATION, CUSTOMER))
                .andExpect(problem(FORBIDDEN));
        verify(templates, never()).insert(any(Template.class));
    }

    @Test
    void aMissingTemplateIs404() throws Exception {
        given(templates.findById("NO_SUCH")).willReturn(Optional.empty());
        mvc.perform(get("/api/notifications/templates/NO_SUCH").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(problem(NOT_FOUND))
                .andExpect(jsonPath("$.instance").value("/api/notifications/templates/NO_SUCH"));
    }

    @Test
    void aKnownTemplateIsRead() throws Exception {
        given(templates.findById("ORDER_SHIPPED")).willReturn(Optional.of(
                new Template("ORDER_SHIPPED", Channel.SMS, null, "on its way", Instant.parse("2026-01-01T00:00:00Z"))));
        mvc.perform(get("/api/notifications/templates/ORDER_SHIPPED").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body").value("on its way"));
    }

    @Test
    void aTakenCodeIs409() throws Exception {
        given(templates.existsById("ORDER_SHIPPED")).willReturn(true);
        create(SMS_BODY, ADMIN).andExpect(problem(CONFLICT));
        verify(templates, never()).insert(any(Template.class));
    }

    @Test
    void anEmailWithoutSubjectIsAFieldError() throws Exception {
        create("""
                {"code":"ORDER_SHIPPED","channel":"EMAIL","body":"on its way"}""", ADMIN)
                .andExpect(fieldError("subject", "is required for EMAIL templates"));
        verify(templates, never()).insert(any(Template.class));
    }

    @Test
    void malformedFieldsAreEachNamed() throws Exception {
        create("""
                {"code":"shipped","body":""}""", ADMIN)
                .andExpect(fieldError("code", "must be 3-60 upper-case letters, digits or underscores"))
                .andExpect(fieldError("channel"))
                .andExpect(fieldError("body"));
    }

    private ResultActions create(String body, String authorization) throws Exception {
        return mvc.perform(post("/api/notifications/templates").header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
