package com.toprise.common.paging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** On a {@link PageQuery} parameter: the fields a client may sort by, and the default sort. */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Sortable {

    String[] value();

    /** Default sort such as {@code "name,asc"}; empty for none. */
    String defaultSort() default "";
}
