package com.toprise.gateway.web;

import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import java.net.ConnectException;

/**
 * The answer to every error raised while the gateway routes a request, as problem+json with the request id, instead
 * of Spring Boot's JSON error page: a service that cannot be reached or drops the connection is 502, one that does
 * not accept a connection or answer in time is 504, a path no route serves is 404, anything else is its own status
 * or 500. Ahead of Boot's handler (order -1), which stays only as the fallback for an answer already started.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatus status = statusOf(error);
        String service = service(exchange);
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        } else if (status.is5xxServerError()) {
            log.warn("{} {} -> {} ({}): {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    status.value(), service, error.toString());
        }
        if (error instanceof ResponseStatusException e) {
            // e.g. Allow of a 405: part of the answer the status promises
            exchange.getResponse().getHeaders().addAll(e.getHeaders());
        }
        return ProblemResponses.write(exchange, status, detail(status, service));
    }

    static HttpStatus statusOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            // the subclass first: a connect timeout is a ConnectException too
            if (cause instanceof ConnectTimeoutException) {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
            if (cause instanceof ConnectException || cause instanceof PrematureCloseException) {
                return HttpStatus.BAD_GATEWAY;
            }
        }
        if (error instanceof ResponseStatusException e) {
            HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
            return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /** What the client may know: which service failed, not the exception's text (hosts, ports, stack). */
    private static String detail(HttpStatus status, String service) {
        return switch (status) {
            case BAD_GATEWAY -> "The " + service + " cannot be reached or dropped the connection.";
            case GATEWAY_TIMEOUT -> "The " + service + " did not answer in time.";
            case NOT_FOUND -> "No API serves this path.";
            case INTERNAL_SERVER_ERROR -> "The gateway failed to handle the request.";
            default -> status.getReasonPhrase() + ".";
        };
    }

    private static String service(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? "service" : route.getId().replace("-api-docs", "");
    }
}
