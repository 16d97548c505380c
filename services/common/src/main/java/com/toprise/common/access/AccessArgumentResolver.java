package com.toprise.common.access;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands a controller method the {@link Access} the interceptor granted. */
public class AccessArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Access.class;
    }

    @Override
    public Access resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Access access = (Access) request.getAttribute(AccessControlInterceptor.ACCESS, RequestAttributes.SCOPE_REQUEST);
        if (access == null) {
            throw new IllegalStateException("no access decision for this request: is the controller a TopRise one?");
        }
        return access;
    }
}
