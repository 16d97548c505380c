package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

import java.util.HexFormat;
import java.util.Locale;

/**
 * Change-stream resume tokens in MongoDB's v1 form: {@code {_data: "<hex>"}} whose first byte is the KeyString
 * type 130 (timestamp) followed by the 8-byte cluster time, big-endian. Debezium reads the cluster time back out of
 * that prefix ({@code ResumeTokens.getTimestamp}), so the layout matters, not only the uniqueness.
 */
public final class ResumeToken {

    private static final int TIMESTAMP_TYPE = 130;
    private static final String DATA = "_data";

    private ResumeToken() {
    }

    public static Document of(long timestamp) {
        return new Document(DATA, String.format(Locale.ROOT, "%02X%016X04", TIMESTAMP_TYPE, timestamp));
    }

    /** The cluster time a token points at; the stream resumes strictly after it. */
    public static long timestampOf(Object token) {
        if (!(token instanceof Document document) || !(document.get(DATA) instanceof String data)
                || data.length() < 18) {
            throw invalid(token);
        }
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(data.substring(0, 18));
        } catch (IllegalArgumentException e) {
            throw invalid(token);
        }
        if ((bytes[0] & 0xff) != TIMESTAMP_TYPE) {
            throw invalid(token);
        }
        long value = 0;
        for (int i = 1; i < 9; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    public static BsonTimestamp clusterTime(long timestamp) {
        return new BsonTimestamp(timestamp);
    }

    private static MongoServerError invalid(Object token) {
        return new MongoServerError(50811, "KeyString format error: not a resume token of this server: " + token);
    }
}
