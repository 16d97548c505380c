package com.toprise.common.access;

import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.common.web.ForbiddenException;
import com.toprise.common.web.UnauthorizedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The permission check in front of every TopRise endpoint: the caller's role, the controller's resource and the
 * action of the HTTP method, looked up in the matrix. A bad token is 401 everywhere, even on public endpoints; a
 * deactivated account is 401 from its next call on; a role whose cell is NONE is 403.
 */
public class AccessControlInterceptor implements HandlerInterceptor {

    /** The {@link Access} granted to this request. */
    public static final String ACCESS = AccessControlInterceptor.class.getName() + ".access";

    private final AccessControlState state;

    public AccessControlInterceptor(AccessControlState state) {
        this.state = state;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !EndpointProtectionCheck.isOurs(method)) {
            return true;
        }
        if (request.getAttribute(AuthenticationFilter.INVALID_TOKEN) != null) {
            throw new UnauthorizedException("The access token is not valid.");
        }
        Identity identity = (Identity) request.getAttribute(AuthenticationFilter.IDENTITY);
        if (identity != null && state.isDeactivated(identity.userId())) {
            throw new UnauthorizedException("The account is deactivated.");
        }
        ProtectedResource resource = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ProtectedResource.class);
        String resourceName = resource == null ? null : resource.value();
        Action action = Action.ofHttpMethod(request.getMethod());
        Scope scope = identity == null ? Scope.NONE : state.scope(identity.role(), resourceName, action);
        request.setAttribute(ACCESS, new Access(identity, resourceName, action, scope));
        if (EndpointProtectionCheck.isPublic(method)) {
            return true;
        }
        if (identity == null) {
            throw new UnauthorizedException("A bearer token is required.");
        }
        if (!scope.allows()) {
            throw new ForbiddenException("The role " + identity.role() + " may not " + action.name().toLowerCase()
                    + " " + resourceName + ".");
        }
        return true;
    }
}
