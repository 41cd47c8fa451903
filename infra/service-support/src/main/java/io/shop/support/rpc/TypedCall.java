package io.shop.support.rpc;

import java.lang.reflect.Method;
import java.util.Optional;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;

/** An ordinary call of a service method by a caller that has the interface. */
final class TypedCall {

    private TypedCall() {}

    static Optional<Method> methodOf(Invoker<?> invoker, Invocation invocation) {
        try {
            return Optional.of(
                    invoker.getInterface().getMethod(invocation.getMethodName(), invocation.getParameterTypes()));
        } catch (NoSuchMethodException | NullPointerException e) {
            // Dubbo's built-in calls ($echo...) are not methods of the interface
            return Optional.empty();
        }
    }
}
