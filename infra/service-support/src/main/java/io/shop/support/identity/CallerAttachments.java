package io.shop.support.identity;

import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/** Carries the {@link Caller} across Dubbo calls as invocation attachments. */
final class CallerAttachments {

    static final String USER_ID = "shop-user-id";
    static final String ROLES = "shop-user-roles";

    private CallerAttachments() {}

    /** On the calling side: the current caller goes along with the call. */
    @Activate(group = CommonConstants.CONSUMER)
    public static final class Send implements Filter {
        @Override
        public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
            Caller.current().ifPresent(caller -> {
                invocation.setAttachment(USER_ID, Long.toString(caller.userId()));
                invocation.setAttachment(ROLES, caller.rolesHeader());
            });
            return invoker.invoke(invocation);
        }
    }

    /** On the serving side: the call runs for the caller it came with, or for nobody. */
    @Activate(group = CommonConstants.PROVIDER)
    public static final class Receive implements Filter {
        @Override
        public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
            Caller caller = Caller.parse(invocation.getAttachment(USER_ID), invocation.getAttachment(ROLES))
                    .orElse(null);
            try (var scope = Caller.bind(caller)) {
                return invoker.invoke(invocation);
            }
        }
    }
}
