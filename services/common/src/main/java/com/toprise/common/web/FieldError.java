package com.toprise.common.web;

/** One invalid field of a request: its JSON path (or parameter name) and what is wrong with it. */
public record FieldError(String field, String message) {
}
