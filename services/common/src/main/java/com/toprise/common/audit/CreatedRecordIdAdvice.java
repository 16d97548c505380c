package com.toprise.common.audit;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.lang.reflect.RecordComponent;

/**
 * Names the record a POST created in its audit entry, taken from the answer (the record component marked
 * {@code @Id}, else the one called {@code id}), so no controller can forget to. A controller that names it with
 * {@link AuditFilter#recordId} itself wins.
 */
@ControllerAdvice
public class CreatedRecordIdAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return returnType.getParameterType().isRecord();
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (body instanceof Record record && "POST".equals(request.getMethod().name()) && attributes != null
                && attributes.getAttribute(AuditFilter.RESOURCE_ID, RequestAttributes.SCOPE_REQUEST) == null) {
            String id = idOf(record);
            if (id != null) {
                AuditFilter.recordId(id);
            }
        }
        return body;
    }

    private static String idOf(Record record) {
        RecordComponent named = null;
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(org.springframework.data.annotation.Id.class)
                    || component.isAnnotationPresent(org.springframework.data.annotation.Id.class)) {
                return value(component, record);
            }
            if (component.getName().equals("id")) {
                named = component;
            }
        }
        return named == null ? null : value(named, record);
    }

    private static String value(RecordComponent component, Record record) {
        try {
            Object value = component.getAccessor().invoke(record);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
