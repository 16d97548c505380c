package com.toprise.order.courier;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The X-DV-Signature check against a published HMAC-SHA256 vector (RFC 4231, test case 2) and its refusals. */
class CallbackSignatureTest {

    private static final CallbackSignature JEFE = new CallbackSignature("Jefe");
    private static final byte[] BODY = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    private static final String VECTOR = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    @Test
    void signsAsHexHmacSha256OfTheRawBody() {
        assertThat(JEFE.sign(BODY)).isEqualTo(VECTOR);
    }

    @Test
    void acceptsTheVectorInEitherCase() {
        assertThat(JEFE.verify(BODY, VECTOR)).isTrue();
        assertThat(JEFE.verify(BODY, VECTOR.toUpperCase())).isTrue();
    }

    @Test
    void refusesAnotherBodyAnotherSecretAndWhatIsNoSignature() {
        assertThat(JEFE.verify("what do ya want for nothing!".getBytes(StandardCharsets.US_ASCII), VECTOR)).isFalse();
        assertThat(new CallbackSignature("Jeff").verify(BODY, VECTOR)).isFalse();
        assertThat(JEFE.verify(BODY, VECTOR.substring(0, 62))).isFalse();
        assertThat(JEFE.verify(BODY, "zz" + VECTOR.substring(2))).isFalse();
        assertThat(JEFE.verify(BODY, "")).isFalse();
        assertThat(JEFE.verify(BODY, null)).isFalse();
    }

    @Test
    void theSameJsonWrittenDifferentlyIsAnotherBody() {
        CallbackSignature signature = new CallbackSignature("callback-secret");
        byte[] compact = "{\"event_type\":\"delivery_changed\"}".getBytes(StandardCharsets.UTF_8);
        byte[] spaced = "{\"event_type\": \"delivery_changed\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verify(spaced, signature.sign(compact))).isFalse();
    }

    @Test
    void anEmptySecretStopsStartUp() {
        assertThatThrownBy(() -> new CallbackSignature(" ")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TOPRISE_BORZO_CALLBACK_SECRET");
    }
}
