package com.toprise.common.web;

/** 401: no valid credentials. The message says what is missing, never why a token or password failed. */
public class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
