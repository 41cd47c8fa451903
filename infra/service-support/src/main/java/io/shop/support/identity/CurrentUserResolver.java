package io.shop.support.identity;

import io.shop.api.ShopException;
import io.shop.api.auth.AuthErrors;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link CurrentUser} parameters from the current {@link Caller}. */
class CurrentUserResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentUser.class)
                && (parameter.getParameterType() == long.class || parameter.getParameterType() == Long.class);
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        return currentUserId();
    }

    static long currentUserId() {
        return Caller.current()
                .map(Caller::userId)
                .orElseThrow(() -> new ShopException(
                        ShopException.Kind.UNAUTHENTICATED, AuthErrors.UNAUTHENTICATED, "sign in first"));
    }
}
