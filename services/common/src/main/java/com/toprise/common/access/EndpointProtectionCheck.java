package com.toprise.common.access;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;

/**
 * Refuses to start a service with an endpoint nobody decided about: every handler of a TopRise controller must
 * belong to a {@link ProtectedResource} or be a {@link PublicEndpoint}. An open endpoint is a decision, never an
 * omission. Framework handlers (errors, OpenAPI, actuator) are not ours and not checked.
 */
public class EndpointProtectionCheck implements SmartInitializingSingleton {

    private static final String OUR_PACKAGE = "com.toprise.";

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    public EndpointProtectionCheck(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> undecided = mappings.stream()
                .flatMap(mapping -> mapping.getHandlerMethods().entrySet().stream())
                .filter(entry -> isOurs(entry.getValue()) && !isPublic(entry.getValue())
                        && AnnotatedElementUtils.findMergedAnnotation(entry.getValue().getBeanType(),
                                ProtectedResource.class) == null)
                .map(entry -> entry.getKey() + " -> " + entry.getValue().getShortLogMessage())
                .toList();
        if (!undecided.isEmpty()) {
            throw new IllegalStateException("endpoints with neither @ProtectedResource nor @PublicEndpoint: " + undecided);
        }
    }

    static boolean isOurs(HandlerMethod method) {
        return method.getBeanType().getName().startsWith(OUR_PACKAGE);
    }

    static boolean isPublic(HandlerMethod method) {
        return method.hasMethodAnnotation(PublicEndpoint.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PublicEndpoint.class);
    }
}
