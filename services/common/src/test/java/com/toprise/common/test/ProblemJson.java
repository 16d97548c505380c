package com.toprise.common.test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** MockMvc expectations for the services' RFC 9457 answers, so every slice checks status, type and body alike. */
public final class ProblemJson {

    private ProblemJson() {
    }

    /** An application/problem+json answer of this status, its body saying the same status. */
    public static ResultMatcher problem(HttpStatus status) {
        return all(
                status().is(status.value()),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.status").value(status.value()));
    }

    /** A 400 problem whose {@code errors} name this field (the message is the service's, not checked here). */
    public static ResultMatcher fieldError(String field) {
        return all(
                problem(HttpStatus.BAD_REQUEST),
                jsonPath("$.errors[?(@.field == '" + field + "')]").exists());
    }

    /** A 400 problem with this exact field error. */
    public static ResultMatcher fieldError(String field, String message) {
        return all(
                problem(HttpStatus.BAD_REQUEST),
                jsonPath("$.errors[?(@.field == '" + field + "' && @.message == '" + message + "')]").exists());
    }

    private static ResultMatcher all(ResultMatcher... matchers) {
        return result -> {
            try {
                for (ResultMatcher matcher : matchers) {
                    matcher.match(result);
                }
            } catch (AssertionError e) {
                // the answer itself says best what went wrong
                throw new AssertionError(e.getMessage() + "; the answer was " + result.getResponse().getStatus() + " "
                        + result.getResponse().getContentAsString(), e);
            }
        };
    }
}
