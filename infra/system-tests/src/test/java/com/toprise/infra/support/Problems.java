package com.toprise.infra.support;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every refusal of the API must be, checked in one place: an RFC 9457 problem ({@code application/problem+json}
 * with the HTTP status repeated in {@code status}, a {@code title} and a {@code detail} a client can show), so a
 * test of a refusal asserts the status it expects and then only what is particular to it.
 */
public final class Problems {

    private Problems() {
    }

    /** Asserts that the answer is a problem of this status; returns its body for the particular members. */
    public static JsonNode assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as("Content-Type of " + answer.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Api.json(answer);
        assertThat(problem.path("status").asInt()).as(answer.body()).isEqualTo(status);
        assertThat(problem.path("title").asString()).as(answer.body()).isNotBlank();
        assertThat(problem.path("detail").asString()).as(answer.body()).isNotBlank();
        return problem;
    }
}
