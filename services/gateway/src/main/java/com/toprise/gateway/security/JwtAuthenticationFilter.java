package com.toprise.gateway.security;

import com.toprise.common.security.AccessTokens;
import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.gateway.web.ProblemResponses;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Checks the bearer token of every request that carries one (signature, RS256 only, expiry, issuer, audience) and
 * forwards who it speaks for as {@code X-User-Id} / {@code X-User-Role}. A bad token ends the request here with 401;
 * a request without one goes on anonymous, and the service decides whether its endpoint is public. Identity headers
 * sent by the client are dropped: nobody can claim an identity without a token. The services verify the token
 * again themselves, so a caller that bypasses the gateway gains nothing.
 */
@Component
public class JwtAuthenticationFilter implements GlobalFilter, Ordered {

    public static final String USER_ID_HEADER = "X-User-Id";
    public static final String ROLE_HEADER = "X-User-Role";
    /** Exchange attribute holding the {@link Identity} of a verified token. */
    public static final String IDENTITY = JwtAuthenticationFilter.class.getName() + ".identity";

    private final AccessTokens tokens;

    public JwtAuthenticationFilter(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return chain.filter(withIdentity(exchange, null));
        }
        Optional<Identity> identity = tokens.verifyBearer(authorization);
        if (identity.isEmpty()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED,
                    "The access token is missing, malformed, expired or not signed by us.");
        }
        exchange.getAttributes().put(IDENTITY, identity.get());
        return chain.filter(withIdentity(exchange, identity.get()));
    }

    private static ServerWebExchange withIdentity(ServerWebExchange exchange, Identity identity) {
        return exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove(USER_ID_HEADER);
            headers.remove(ROLE_HEADER);
            if (identity != null) {
                headers.set(USER_ID_HEADER, identity.userId());
                headers.set(ROLE_HEADER, identity.role());
            }
        })).build();
    }

    /** After the request id, before the rate limit (which counts per user). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
