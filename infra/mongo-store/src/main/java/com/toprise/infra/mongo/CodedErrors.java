package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives an error code to the errors mongo-java-server raises without one, since MongoDB's errors all have one and
 * clients decide on it (mongosh printed "MongoServerError: ns not found" with no code, a driver cannot tell such an
 * error from another). Features the server lacks become 238 NotImplemented, an unknown log name 96 OperationFailed
 * as on MongoDB, and whatever else fails inside the server 1 InternalError, with the message it had.
 */
final class CodedErrors {

    private static final Pattern UNKNOWN_LOG = Pattern.compile("no RamLog named: (.*)");

    private CodedErrors() {
    }

    /** The error to answer with: {@code failure} itself if it has a code, else a coded error with its message. */
    static MongoServerError withCode(RuntimeException failure) {
        if (failure instanceof MongoServerError coded) {
            return coded;
        }
        String message = failure instanceof MongoServerException serverFailure
                ? serverFailure.getMessageWithoutErrorCode() : String.valueOf(failure.getMessage());
        Matcher unknownLog = UNKNOWN_LOG.matcher(message);
        if (unknownLog.matches()) {
            return new MongoServerError(96, "OperationFailed", "No log named '" + unknownLog.group(1) + "'", failure);
        }
        if (message.toLowerCase(java.util.Locale.ROOT).contains("not yet implemented")) {
            return new MongoServerError(238, "NotImplemented", message, failure);
        }
        return new MongoServerError(1, "InternalError", message, failure);
    }
}
