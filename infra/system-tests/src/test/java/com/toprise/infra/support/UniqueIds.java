package com.toprise.infra.support;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers no other test (and no run before on the same data) has used, so a test finds only the records it
 * made and never collides with another's: SKUs, e-mail addresses, codes of reference data.
 */
public final class UniqueIds {

    private UniqueIds() {
    }

    /** {@code IT-1A2B3C4D}: a SKU, also used as a prefix of a batch of SKUs. */
    public static String sku() {
        return "IT-" + hex(8);
    }

    /** {@code <prefix>-1a2b3c4d@example.com}. */
    public static String email(String prefix) {
        return prefix + "-" + hex(8).toLowerCase() + "@example.com";
    }

    /** Upper-case hex digits, for codes that allow digits. */
    public static String hex(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, length).toUpperCase();
    }

    /** Upper-case letters only, for codes that allow no digits (return reasons). */
    public static String letters(int length) {
        StringBuilder letters = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            letters.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
