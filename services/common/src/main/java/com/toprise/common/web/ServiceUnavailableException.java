package com.toprise.common.web;

/** 503: a dependency needed to answer safely is unreachable; the client may retry. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
