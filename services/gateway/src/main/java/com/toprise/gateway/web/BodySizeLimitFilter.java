package com.toprise.gateway.web;

import com.toprise.common.web.HttpProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared body is larger than {@code toprise.http.max-body-size} with 413 problem+json,
 * before it is forwarded. It replaces Spring Cloud Gateway's RequestSize filter, which answers 413 with an empty
 * body. Like that filter it judges the Content-Length: a chunked body is streamed to the service, whose own limit
 * (services/common) answers it with the same 413.
 */
@Component
public class BodySizeLimitFilter implements GlobalFilter, Ordered {

    private final long maxBytes;

    public BodySizeLimitFilter(HttpProperties http) {
        this.maxBytes = http.maxBodySize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return ProblemResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                    "The request body of " + length + " bytes exceeds " + maxBytes + " bytes.");
        }
        return chain.filter(exchange);
    }

    /** After the token check and the rate limit, as the route filter it replaces: an oversized request counts too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }
}
