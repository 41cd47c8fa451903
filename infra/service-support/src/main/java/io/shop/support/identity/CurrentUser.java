package io.shop.support.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@code long} controller parameter to the id of the signed-in user: the {@link Caller}
 * the gateway verified. A request without one is answered 401 with code {@code UNAUTHENTICATED}.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrentUser {}
