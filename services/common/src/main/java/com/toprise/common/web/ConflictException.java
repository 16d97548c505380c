package com.toprise.common.web;

/** 409: the request is well formed but the resource's current state does not allow it. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
