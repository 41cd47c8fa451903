package io.shop.support.rpc;

import io.shop.api.CommonErrors;
import io.shop.api.ShopException;
import java.util.UUID;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.service.GenericException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What of a failure may cross the wire: a {@link ShopException} without the serving side's stack
 * trace, and for anything else only an {@code INTERNAL} failure whose incident id finds the full
 * trace in this side's log.
 */
final class WireFailure {

    private static final Logger log = LoggerFactory.getLogger(ErrorBoundary.class);
    private static final StackTraceElement[] NO_TRACE = new StackTraceElement[0];

    private WireFailure() {}

    static Throwable of(Throwable failure, Invoker<?> invoker, Invocation invocation, boolean generic) {
        if (failure instanceof GenericException e && e.getStackTrace().length == 0) {
            return e; // made here already: every filter's listener sees every result of the chain
        }
        ShopException business =
                failure instanceof ShopException e ? withoutTrace(e) : internal(failure, invoker, invocation);
        return generic ? forGenericCaller(business) : business;
    }

    /**
     * A caller without common-api cannot deserialize a ShopException; Dubbo hands it a {@link
     * GenericException} with the class name and message, so the code goes into the message:
     * {@code "CODE: message"}.
     */
    static GenericException forGenericCaller(ShopException e) {
        GenericException generic =
                new GenericException(ShopException.class.getName(), e.code() + ": " + e.getMessage());
        generic.setStackTrace(NO_TRACE);
        return generic;
    }

    // a copy: a subclass or a cause from this service's jar would not deserialize on the caller
    private static ShopException withoutTrace(ShopException e) {
        ShopException plain = e.kind() == ShopException.Kind.TOO_MANY_REQUESTS
                ? ShopException.tooManyRequests(e.code(), e.getMessage(), e.retryAfterSeconds())
                : new ShopException(e.kind(), e.code(), e.getMessage());
        plain.setStackTrace(NO_TRACE);
        return plain;
    }

    private static ShopException internal(Throwable failure, Invoker<?> invoker, Invocation invocation) {
        String incident = UUID.randomUUID().toString();
        log.error(
                "{}.{} failed unexpectedly (incident {})",
                invoker.getInterface().getName(),
                invocation.getMethodName(),
                incident,
                failure);
        ShopException internal = new ShopException(
                ShopException.Kind.INTERNAL, CommonErrors.INTERNAL, "internal error, incident " + incident);
        internal.setStackTrace(NO_TRACE);
        return internal;
    }
}
