package io.shop.support.rpc;

import io.shop.api.ShopException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/** Every argument of a service method is required unless its parameter is annotated {@code @Nullable}. */
final class RequiredArguments {

    private RequiredArguments() {}

    static void check(Method method, Object[] arguments) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            boolean missing = arguments == null || i >= arguments.length || arguments[i] == null;
            if (missing && !mayBeNull(parameters[i])) {
                throw ShopException.invalidArgument(
                        nameOf(parameters[i], i) + " of " + method.getName() + " is required");
            }
        }
    }

    static String nameOf(Parameter parameter, int index) {
        return parameter.isNamePresent() ? "'" + parameter.getName() + "'" : "argument " + (index + 1);
    }

    // any @Nullable will do (JSpecify, Jakarta, Spring...): common-api depends on none of them
    private static boolean mayBeNull(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return false;
    }
}
