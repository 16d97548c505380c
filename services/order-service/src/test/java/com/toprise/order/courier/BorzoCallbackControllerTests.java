package com.toprise.order.courier;

import com.toprise.common.test.AccessControlSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static com.toprise.common.test.ProblemJson.fieldError;
import static com.toprise.common.test.ProblemJson.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/delivery/borzo/callbacks} without a token, as Borzo calls it: the signature is checked over the
 * raw body before anything is read (missing 401, wrong 403, the store untouched), an unknown Borzo order is 404, a
 * replay (the store refuses its key) answers 200 and reports nothing, a good one reports its milestone. The real
 * {@link BorzoCallbacks} runs on a mocked store.
 */
@WebMvcTest(BorzoCallbackController.class)
@Import({AccessControlSlice.class, BorzoCallbacks.class, BorzoCallbackControllerTests.Secret.class})
class BorzoCallbackControllerTests {

    private static final String SECRET = "callback-secret";
    private static final CallbackSignature SIGNATURE = new CallbackSignature(SECRET);
    private static final String PICKED_UP = "{\"event_type\":\"delivery_changed\",\"event_datetime\":"
            + "\"2026-12-02T15:31:00+05:30\",\"delivery\":{\"order_id\":1001,\"client_order_id\":\"o-1-1\","
            + "\"status\":\"parcel_picked_up\",\"tracking_url\":\"https://track/10011\"}}";

    @TestConfiguration(proxyBeanMethods = false)
    static class Secret {
        @Bean
        CallbackSignature callbackSignature() {
            return new CallbackSignature(SECRET);
        }
    }

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private MongoTemplate mongo;
    @MockitoBean
    private DeliveryProgress progress;

    private Delivery delivery;

    @BeforeEach
    void booked() {
        delivery = Delivery.booking(DeliveryTest.REQUEST, Instant.parse("2026-12-02T10:00:00Z")).booked(
                new BorzoOrder("1001", "new", null, null, List.of()), null,
                Instant.parse("2026-12-02T10:00:00Z"));
        given(mongo.findOne(any(Query.class), eq(Delivery.class))).willReturn(delivery);
        given(mongo.findAndReplace(any(Query.class), any(Delivery.class))).willReturn(delivery);
    }

    @Test
    void aCallbackWithoutSignatureIs401AndChangesNothing() throws Exception {
        callback(PICKED_UP, null).andExpect(problem(UNAUTHORIZED));
        assertNothingRead();
    }

    @Test
    void aTamperedCallbackIs403AndChangesNothing() throws Exception {
        String signature = SIGNATURE.sign(bytes(PICKED_UP));
        callback(PICKED_UP.replace("parcel_picked_up", "finished"), signature).andExpect(problem(FORBIDDEN));
        callback(PICKED_UP, signature.replace(signature.charAt(0), signature.charAt(0) == 'a' ? 'b' : 'a'))
                .andExpect(problem(FORBIDDEN));
        callback(PICKED_UP, "not-hex").andExpect(problem(FORBIDDEN));
        assertNothingRead();
    }

    @Test
    void aCallbackForAnUnknownBorzoOrderIs404AndChangesNothing() throws Exception {
        given(mongo.findOne(any(Query.class), eq(Delivery.class))).willReturn(null);
        callback(PICKED_UP, SIGNATURE.sign(bytes(PICKED_UP))).andExpect(problem(NOT_FOUND));
        verify(mongo, never()).insert(any(ReceivedCallback.class));
        verify(mongo, never()).findAndReplace(any(Query.class), any(Delivery.class));
        verifyNoInteractions(progress);
    }

    @Test
    void aGoodCallbackReportsItsMilestoneAndStoresTheDelivery() throws Exception {
        callback(PICKED_UP, SIGNATURE.sign(bytes(PICKED_UP))).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("APPLIED"));
        verify(progress).pickedUp("o-1-1", Instant.parse("2026-12-02T10:01:00Z"));
        verify(mongo).insert(any(ReceivedCallback.class));
        verify(mongo).findAndReplace(any(Query.class), any(Delivery.class));
    }

    @Test
    void aReplayIs200AndChangesNothing() throws Exception {
        willThrow(new DuplicateKeyException("borzo_callbacks _id")).given(mongo).insert(any(ReceivedCallback.class));
        callback(PICKED_UP, SIGNATURE.sign(bytes(PICKED_UP))).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("REPLAYED"));
        verify(mongo, never()).findAndReplace(any(Query.class), any(Delivery.class));
        verifyNoInteractions(progress);
    }

    @Test
    void aSignedBodyThatIsNoCallbackIs400() throws Exception {
        String noStatus = PICKED_UP.replace(",\"status\":\"parcel_picked_up\"", "");
        callback(noStatus, SIGNATURE.sign(bytes(noStatus))).andExpect(fieldError("delivery.status"));
        callback("not json", SIGNATURE.sign(bytes("not json"))).andExpect(fieldError("body"));
        verifyNoInteractions(progress);
    }

    /** The audit filter writes its entry through the same mocked store; nothing of the callback's may. */
    private void assertNothingRead() {
        verify(mongo, never()).findOne(any(Query.class), eq(Delivery.class));
        verify(mongo, never()).insert(any(ReceivedCallback.class));
        verify(mongo, never()).findAndReplace(any(Query.class), any(Delivery.class));
        verifyNoInteractions(progress);
    }

    private ResultActions callback(String body, String signature) throws Exception {
        var request = post("/api/delivery/borzo/callbacks").contentType(MediaType.APPLICATION_JSON)
                .content(bytes(body));
        return mvc.perform(signature == null ? request : request.header("X-DV-Signature", signature));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
