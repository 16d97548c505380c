package com.toprise.common.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission-matrix resource a controller serves ({@code "addresses"}, {@code "products"}). Every endpoint of a
 * TopRise controller is checked against the matrix for the caller's role, the resource and the action of its HTTP
 * method (GET read; POST, PUT, PATCH write; DELETE delete); a controller without this annotation, or an endpoint
 * not marked {@link PublicEndpoint}, stops the service at start-up rather than being silently open.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProtectedResource {

    /** The resource name as it appears in the permission matrix. */
    String value();
}
