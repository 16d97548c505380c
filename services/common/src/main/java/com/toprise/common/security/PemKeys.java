package com.toprise.common.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** RSA keys from PEM text ({@code -----BEGIN PUBLIC KEY-----} / {@code -----BEGIN PRIVATE KEY-----}). */
public final class PemKeys {

    private PemKeys() {
    }

    public static RSAPublicKey publicKey(String pem) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, "public")));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("toprise.security.jwt.public-key is not an RSA public key in PEM", e);
        }
    }

    public static RSAPrivateKey privateKey(String pem) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem, "private")));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("toprise.security.jwt.private-key is not an RSA PKCS#8 private key in PEM", e);
        }
    }

    public static String toPem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem, String what) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("no " + what + " key configured");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
