package io.shop.user.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@code long} controller parameter to the id of the signed-in user, as the gateway put it
 * in {@link io.shop.api.auth.IdentityHeaders#USER_ID} after verifying the access token. A request
 * without a well-formed id is answered 401 with code {@code UNAUTHENTICATED}.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrentUser {}
