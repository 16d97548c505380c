package com.toprise.order.courier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Checks Borzo's {@code X-DV-Signature}: hex HMAC-SHA256 of the callback's raw body with the callback secret. The
 * bytes are hashed exactly as they came (re-serialised JSON would differ in spacing or order and never match), and
 * the comparison takes the same time wherever the digests differ, so an attacker cannot learn a valid signature
 * byte by byte from response times.
 */
public class CallbackSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CallbackSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("TOPRISE_BORZO_CALLBACK_SECRET is empty: no Borzo callback could be "
                    + "verified");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature of a body, lower-case hex, as Borzo sends it. */
    public String sign(byte[] body) {
        return HexFormat.of().formatHex(mac(body));
    }

    /** Whether {@code signature} (hex, either case) is the body's; a missing or malformed one is not. */
    public boolean verify(byte[] body, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signature.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(body), presented);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
