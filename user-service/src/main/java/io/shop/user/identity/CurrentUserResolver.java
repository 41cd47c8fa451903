package io.shop.user.identity;

import io.shop.api.ShopException;
import io.shop.api.auth.IdentityHeaders;
import io.shop.api.user.UserErrors;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The only place this service learns who calls it. The gateway strips client copies of the
 * identity headers and sets them from a verified token, so the header is trusted as is.
 */
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
        return userId(request.getHeader(IdentityHeaders.USER_ID));
    }

    static long userId(String header) {
        if (header == null || header.isBlank()) {
            throw unauthenticated("sign in first");
        }
        try {
            long id = Long.parseLong(header.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below, like any other unusable id
        }
        throw unauthenticated("the caller's identity is malformed");
    }

    private static ShopException unauthenticated(String message) {
        return new ShopException(ShopException.Kind.UNAUTHENTICATED, UserErrors.UNAUTHENTICATED, message);
    }
}
