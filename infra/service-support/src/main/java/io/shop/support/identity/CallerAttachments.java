package io.shop.support.identity;

import io.shop.api.ShopException;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.AsyncRpcResult;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * Carries the {@link Caller} across Dubbo calls as the gateway's passport: the provider believes
 * only what the passport's signature proves, never a user id the consumer claims.
 */
final class CallerAttachments {

    private CallerAttachments() {}

    /** On the calling side: the current caller's passport goes along with the call. */
    @Activate(group = CommonConstants.CONSUMER)
    public static final class Send implements Filter {
        @Override
        public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
            Caller.current()
                    .map(Caller::passport)
                    .ifPresent(passport -> invocation.setAttachment(Passports.ATTACHMENT, passport));
            return invoker.invoke(invocation);
        }
    }

    /**
     * On the serving side: the call runs for the passport's caller, or for nobody; a passport that
     * does not verify ends the call as UNAUTHENTICATED.
     */
    @Activate(group = CommonConstants.PROVIDER)
    public static final class Receive implements Filter {
        @Override
        public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
            String passport = invocation.getAttachment(Passports.ATTACHMENT);
            Caller caller;
            try {
                caller = passport == null ? null : PassportHolder.get().verify(passport);
            } catch (ShopException refused) {
                return AsyncRpcResult.newDefaultAsyncResult(refused, invocation);
            }
            try (var scope = Caller.bind(caller)) {
                return invoker.invoke(invocation);
            }
        }
    }
}
