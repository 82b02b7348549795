package org.technocarte.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource, or one of its methods, for logged-in users only: {@link LoginFilter} checks the
 * session and the CSRF token before the body or any parameter is read, so a stranger learns nothing
 * about what the endpoint expects (401 first, then 403 without the token, only then 4xx about the
 * request). Territory and role checks stay in the services.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LoginRequired {}
