package io.shop.support.rpc;

import io.shop.api.ShopException;
import java.lang.reflect.Method;
import java.util.Optional;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.AsyncRpcResult;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * The serving side's error contract: a call with a missing or unreadable argument fails as {@code
 * INVALID_ARGUMENT}, a business failure reaches every caller with its code, and nothing else
 * crosses the wire but an {@code INTERNAL} failure with an incident id (the details stay in the log).
 *
 * <p>Two filters around Dubbo's {@code GenericFilter} (-20000), which reads generic arguments and
 * on the way back turns any failure into a {@code GenericException} that keeps only text. They
 * replace Dubbo's {@code ExceptionFilter}, which {@code shop-defaults.yml} turns off: that one logs
 * every business failure as an error and sends other failures with their stack trace as text.
 */
final class ErrorBoundary {

    private ErrorBoundary() {}

    /** Outside GenericFilter: the arguments are checked (and generic ones read) before anything runs. */
    @Activate(group = CommonConstants.PROVIDER, order = -25000)
    public static final class CheckArguments implements Filter {
        @Override
        public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
            GenericCall generic = GenericCall.of(invoker, invocation).orElse(null);
            try {
                Optional<Method> method = generic != null ? generic.method() : TypedCall.methodOf(invoker, invocation);
                Object[] arguments = generic != null ? generic.readArguments() : invocation.getArguments();
                method.ifPresent(m -> RequiredArguments.check(m, arguments));
            } catch (ShopException invalid) {
                return failed(invalid, invoker, invocation, generic != null);
            }
            try {
                return invoker.invoke(invocation);
            } catch (RpcException e) {
                if (generic == null) {
                    throw e;
                }
                // GenericFilter throws when it cannot turn the caller's maps into the method's types
                return failed(generic.unreadable(e), invoker, invocation, true);
            }
        }

        private static Result failed(ShopException e, Invoker<?> invoker, Invocation invocation, boolean generic) {
            return AsyncRpcResult.newDefaultAsyncResult(WireFailure.of(e, invoker, invocation, generic), invocation);
        }
    }

    /** Inside GenericFilter: a failure of the service is made fit for the wire before it sees it. */
    @Activate(group = CommonConstants.PROVIDER, order = -19000)
    public static final class HideFailures implements Filter, Filter.Listener {
        @Override
        public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
            return invoker.invoke(invocation);
        }

        @Override
        public void onResponse(Result result, Invoker<?> invoker, Invocation invocation) {
            if (result.hasException()) {
                // GenericFilter passes the original call's attachments on to the method it calls
                boolean generic = GenericCall.isGeneric(invocation);
                result.setException(WireFailure.of(result.getException(), invoker, invocation, generic));
            }
        }

        @Override
        public void onError(Throwable failure, Invoker<?> invoker, Invocation invocation) {
            // thrown by Dubbo itself (RpcException): the framework's own contract
        }
    }
}
