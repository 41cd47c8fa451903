package io.shop.support.rpc;

import io.shop.api.ShopException;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.remoting.http12.ExceptionHandler;
import org.apache.dubbo.remoting.http12.RequestMetadata;
import org.apache.dubbo.remoting.http12.exception.DecodeException;
import org.apache.dubbo.rpc.model.MethodDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A triple request whose arguments the provider cannot deserialize (a class outside the allow
 * list, a malformed body) fails before any filter runs. Dubbo would answer with the {@link
 * DecodeException} itself; in STRICT mode its {@code IOException} cause is not allow-listed, so
 * that answer fails to encode, the server sends GOAWAY and the caller's directory drops the
 * provider until its next connectivity check (1 s period): "upstream ... is unavailable" for the
 * calls that follow. An {@code INVALID_ARGUMENT} ShopException encodes, and the connection stays.
 */
@Activate
public final class UnreadableRequests implements ExceptionHandler<DecodeException, Object> {

    private static final Logger log = LoggerFactory.getLogger(UnreadableRequests.class);
    private static final StackTraceElement[] NO_TRACE = new StackTraceElement[0];

    @Override
    public Object handleGrpc(DecodeException e, RequestMetadata metadata, MethodDescriptor descriptor) {
        log.debug("unreadable request for {}", descriptor == null ? "?" : descriptor.getMethodName(), e);
        String method = descriptor == null ? "the method" : descriptor.getMethodName();
        ShopException invalid = ShopException.invalidArgument("the arguments of " + method + " cannot be read");
        invalid.setStackTrace(NO_TRACE);
        return invalid;
    }
}
