package io.shop.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The services (by {@code spring.application.name}, as their TLS certificate names them) that may
 * call a Dubbo operation. Every operation of a shop interface must say it: a provider refuses a
 * call to an operation without it, and a call from any other service, with {@code FORBIDDEN}
 * ({@code SERVICE_NOT_ALLOWED}). An empty list means no other service: the operation serves only
 * callers inside its own process (operators reach it through an admin HTTP route instead).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CallableBy {

    String[] value();
}
