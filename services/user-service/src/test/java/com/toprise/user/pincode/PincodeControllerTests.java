package com.toprise.user.pincode;

import com.toprise.common.access.Scope;
import com.toprise.common.outbox.OutboxWriter;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /api/pincodes}: anyone asks about one pincode; the list and its changes are the matrix's to grant. */
@WebMvcTest(PincodeController.class)
@Import(AccessControlSlice.class)
class PincodeControllerTests {

    private static final String FULFILMENT = bearer("u-f", "FULFILLMENT_ADMIN");
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestMatrix matrix;
    @MockitoBean
    private PincodeRepository pincodes;
    @MockitoBean
    private OutboxWriter outbox;

    @BeforeEach
    void permissions() {
        matrix.reset()
                .row("FULFILLMENT_ADMIN", "pincodes", Scope.ALL, Scope.ALL, Scope.NONE)
                .row("CUSTOMER", "pincodes", Scope.NONE, Scope.NONE, Scope.NONE);
        given(outbox.insert(any(), any())).willAnswer(call -> call.getArgument(0));
        given(pincodes.findById("110001"))
                .willReturn(Optional.of(new Pincode("110001", "Delhi", "Delhi", true, null, AT, AT)));
    }

    @Test
    void anyoneAsksWhetherAPincodeIsServedButNotForTheList() throws Exception {
        mvc.perform(get("/api/pincodes/110001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.serviceable").value(true));
        mvc.perform(get("/api/pincodes")).andExpect(problem(UNAUTHORIZED));
        mvc.perform(get("/api/pincodes").header(HttpHeaders.AUTHORIZATION, bearer("c-1", "CUSTOMER")))
                .andExpect(problem(FORBIDDEN));
    }

    @Test
    void anUnknownPincodeIs404() throws Exception {
        given(pincodes.findById("560001")).willReturn(Optional.empty());
        mvc.perform(get("/api/pincodes/560001")).andExpect(problem(NOT_FOUND));
        change("560001", "{\"city\":\"Bengaluru\",\"state\":\"Karnataka\",\"serviceable\":true}")
                .andExpect(problem(NOT_FOUND));
        verifyNoInteractions(outbox);
    }

    @Test
    void aKnownCodeIs409() throws Exception {
        given(pincodes.existsById("110001")).willReturn(true);
        create("{\"code\":\"110001\",\"city\":\"Delhi\",\"state\":\"Delhi\",\"serviceable\":true}")
                .andExpect(problem(CONFLICT));
        verifyNoInteractions(outbox);
    }

    @Test
    void aCodeIsSixDigitsNotStartingWithZero() throws Exception {
        for (String code : new String[] {"011001", "11001", "1100011", "11A001"}) {
            create("{\"code\":\"" + code + "\",\"city\":\"X\",\"state\":\"Y\",\"serviceable\":true}")
                    .andExpect(fieldError("code", "must be six digits, not starting with 0"));
        }
        create("{\"code\":\"560001\",\"city\":\"Bengaluru\",\"state\":\"Karnataka\"}").andExpect(fieldError("serviceable"));
        verifyNoInteractions(outbox);
        create("{\"code\":\"560001\",\"city\":\"Bengaluru\",\"state\":\"Karnataka\",\"serviceable\":true}")
                .andExpect(status().isCreated());
    }

    @Test
    void aCentroidIsTwoCoordinatesInRangeOrNone() throws Exception {
        create("{\"code\":\"560001\",\"city\":\"Bengaluru\",\"state\":\"Karnataka\",\"serviceable\":true,"
                + "\"latitude\":91,\"longitude\":-181}")
                .andExpect(fieldError("latitude", "must be between -90 and 90"))
                .andExpect(fieldError("longitude", "must be between -180 and 180"));
        change("110001", "{\"city\":\"Delhi\",\"state\":\"Delhi\",\"serviceable\":true,\"latitude\":28.6}")
                .andExpect(fieldError("longitude", "is required with latitude"));
        change("110001", "{\"city\":\"Delhi\",\"state\":\"Delhi\",\"serviceable\":true,\"latitude\":\"north\"}")
                .andExpect(fieldError("latitude", "has the wrong type or format"));
        verifyNoInteractions(outbox);

        given(outbox.save(any(), any())).willAnswer(call -> call.getArgument(0));
        change("110001", "{\"city\":\"Delhi\",\"state\":\"Delhi\",\"serviceable\":true,"
                + "\"latitude\":28.6315,\"longitude\":77.2167}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.centroid.latitude").value(28.6315))
                .andExpect(jsonPath("$.centroid.longitude").value(77.2167));
    }

    private ResultActions create(String body) throws Exception {
        return mvc.perform(post("/api/pincodes").header(HttpHeaders.AUTHORIZATION, FULFILMENT)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions change(String code, String body) throws Exception {
        return mvc.perform(put("/api/pincodes/{code}", code).header(HttpHeaders.AUTHORIZATION, FULFILMENT)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
