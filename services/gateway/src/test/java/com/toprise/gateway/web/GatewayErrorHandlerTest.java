package com.toprise.gateway.web;

import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

import java.net.ConnectException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases of {@link GatewayErrorHandler} a running gateway is hard to drive into: an unexpected failure is 500
 * problem+json without its message, and the network failures map to 502 / 504 wherever they sit in the cause chain.
 */
class GatewayErrorHandlerTest {

    private final GatewayErrorHandler handler = new GatewayErrorHandler();

    @Test
    void anUnexpectedFailureIs500ProblemWithoutItsMessage() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/orders/o1"));
        exchange.getAttributes().put(RequestIdFilter.ATTRIBUTE, "id-500");

        handler.handle(exchange, new IllegalStateException("secret at db-host:5432")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getHeaders().getFirst(RequestIdFilter.HEADER)).isEqualTo("id-500");
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"status\":500", "\"requestId\":\"id-500\"", "\"instance\":\"/api/orders/o1\"")
                .doesNotContain("secret", "db-host", "Exception", "\tat ");
    }

    @Test
    void aStatusExceptionKeepsItsStatusAndHeaders() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.delete("/api/orders"));

        handler.handle(exchange, new MethodNotAllowedException(HttpMethod.DELETE, List.of(HttpMethod.GET))).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(exchange.getResponse().getHeaders().getAllow()).containsExactly(HttpMethod.GET);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":405");
    }

    @Test
    void networkFailuresMapTo502And504ThroughTheirCauses() {
        assertThat(GatewayErrorHandler.statusOf(new IllegalStateException(new ConnectException("refused"))))
                .isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(GatewayErrorHandler.statusOf(new ConnectTimeoutException("no accept in 2 s")))
                .isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(GatewayErrorHandler.statusOf(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT)))
                .isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
    }
}
