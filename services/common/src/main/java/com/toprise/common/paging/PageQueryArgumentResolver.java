package com.toprise.common.paging;

import com.toprise.common.web.FieldError;
import com.toprise.common.web.InvalidRequestException;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Binds and validates {@link PageQuery} from the query string; bad values are 400 problems, not defaults. */
public class PageQueryArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageQuery.class;
    }

    @Override
    public PageQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                     WebDataBinderFactory binderFactory) {
        List<FieldError> errors = new ArrayList<>();
        int page = integer(request.getParameter("page"), 0, "page", errors);
        int size = integer(request.getParameter("size"), PageQuery.DEFAULT_SIZE, "size", errors);
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > PageQuery.MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + PageQuery.MAX_SIZE));
        }
        Sortable sortable = parameter.getParameterAnnotation(Sortable.class);
        String sort = request.getParameter("sort");
        if ((sort == null || sort.isBlank()) && sortable != null && !sortable.defaultSort().isEmpty()) {
            sort = sortable.defaultSort();
        }
        String field = null;
        Sort.Direction direction = Sort.Direction.ASC;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",", 2);
            field = parts[0].trim();
            List<String> allowed = sortable == null ? List.of() : Arrays.asList(sortable.value());
            if (!allowed.contains(field)) {
                errors.add(new FieldError("sort", "can sort by " + (allowed.isEmpty() ? "nothing" : allowed)));
            }
            if (parts.length == 2) {
                direction = Sort.Direction.fromOptionalString(parts[1].trim()).orElse(null);
                if (direction == null) {
                    errors.add(new FieldError("sort", "direction must be asc or desc"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new PageQuery(page, size, field, direction);
    }

    private static int integer(String value, int fallback, String name, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a whole number"));
            return fallback;
        }
    }
}
