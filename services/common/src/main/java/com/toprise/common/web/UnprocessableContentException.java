package com.toprise.common.web;

/** A well-formed request the server will not carry out as sent (422), e.g. an idempotency key reused for another request. */
public class UnprocessableContentException extends RuntimeException {

    public UnprocessableContentException(String message) {
        super(message);
    }
}
