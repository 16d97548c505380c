package com.toprise.gateway.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 answers written by the gateway itself, shaped like the services' ({@code type}, {@code title} the status's
 * reason phrase, {@code status}, {@code detail}, {@code instance} the path, and the {@code requestId} of
 * {@link RequestIdFilter}), so a client reads a refusal of the gateway and one of a service alike.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        ServerHttpResponse response = exchange.getResponse();
        if (requestId != null) {
            problem.put("requestId", requestId);
            response.getHeaders().set(RequestIdFilter.HEADER, requestId);
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = JSON.writeValueAsBytes(problem);
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer body = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(body));
    }
}
