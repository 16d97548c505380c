package com.toprise.common.web;

/** Answered as 404 problem+json. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String resource, String id) {
        super(resource + " '" + id + "' does not exist.");
    }
}
