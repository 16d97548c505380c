package com.toprise.common.access;

import com.toprise.common.security.AccessTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Verifies the bearer token of every request, itself, even behind the gateway: a service reachable some other way
 * trusts no forwarded header. The result goes into request attributes; {@link AccessControlInterceptor} decides.
 */
public class AuthenticationFilter extends OncePerRequestFilter {

    /** The verified {@link AccessTokens.Identity}, absent when no valid token came. */
    public static final String IDENTITY = AuthenticationFilter.class.getName() + ".identity";
    /** Set when an Authorization header came but did not hold a valid bearer token. */
    public static final String INVALID_TOKEN = AuthenticationFilter.class.getName() + ".invalid";

    private final AccessTokens tokens;

    public AuthenticationFilter(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            var identity = tokens.verifyBearer(authorization);
            if (identity.isPresent()) {
                request.setAttribute(IDENTITY, identity.get());
            } else {
                request.setAttribute(INVALID_TOKEN, Boolean.TRUE);
            }
        }
        chain.doFilter(request, response);
    }
}
