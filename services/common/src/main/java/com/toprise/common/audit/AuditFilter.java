package com.toprise.common.audit;

import com.toprise.common.access.Access;
import com.toprise.common.access.AccessControlInterceptor;
import com.toprise.common.access.AuthenticationFilter;
import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.common.web.RequestIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records every state-changing request (POST, PUT, PATCH, DELETE) of the service after it was answered, whatever
 * the outcome, denied ones included. Reads are not audited. A failing audit write is logged and does not turn an
 * answered request into an error.
 */
public class AuditFilter extends OncePerRequestFilter {

    /**
     * The record a request created or changed where the path does not name it: set from the answer of a POST by
     * {@link CreatedRecordIdAdvice}, or by the controller with {@link #recordId} when the answer has no id.
     */
    static final String RESOURCE_ID = AuditFilter.class.getName() + ".resourceId";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

    private final MongoTemplate mongo;
    private final String service;
    private final Clock clock;

    public AuditFilter(MongoTemplate mongo, String service, Clock clock) {
        this.mongo = mongo;
        this.service = service;
        this.clock = clock;
    }

    /** Names the record the current request created or changed, for its audit entry. */
    public static void recordId(String id) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(RESOURCE_ID, id, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!STATE_CHANGING.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            record(request, response.getStatus());
        }
    }

    private void record(HttpServletRequest request, int status) {
        try {
            mongo.insert(entry(request, status));
        } catch (RuntimeException e) {
            log.error("cannot write the audit entry of {} {} ({}): {}", request.getMethod(), request.getRequestURI(),
                    status, e.toString());
        }
    }

    private AuditEntry entry(HttpServletRequest request, int status) {
        Identity identity = (Identity) request.getAttribute(AuthenticationFilter.IDENTITY);
        Access access = (Access) request.getAttribute(AccessControlInterceptor.ACCESS);
        return new AuditEntry(UUID.randomUUID().toString(), clock.instant(), service,
                (String) request.getAttribute(RequestIdFilter.ATTRIBUTE),
                identity == null ? null : identity.userId(), identity == null ? null : identity.role(),
                request.getMethod(), request.getRequestURI(),
                access == null ? null : access.resource(), access == null ? null : access.action().name(),
                resourceId(request), status, AuditEntry.Outcome.ofStatus(status));
    }

    @SuppressWarnings("unchecked")
    private static String resourceId(HttpServletRequest request) {
        Object named = request.getAttribute(RESOURCE_ID);
        if (named != null) {
            return named.toString();
        }
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null || variables.isEmpty()) {
            return null;
        }
        return variables.getOrDefault("id", variables.values().iterator().next());
    }
}
