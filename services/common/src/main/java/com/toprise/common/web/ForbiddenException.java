package com.toprise.common.web;

/** 403: the caller is known but its role may not do this. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
