package io.shop.support.identity;

import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * On the serving side: the call runs for the {@link CallingService} its TLS client certificate
 * names, or for none (no mutual TLS, or a call inside this JVM). It runs before the filters that
 * ask for it: Sentinel's (order 0, whose rules may name the caller) and the access check.
 */
@Activate(group = CommonConstants.PROVIDER, order = -18000)
public final class CallingServiceFilter implements Filter {

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        CallingService service = PeerCertificates.of(invocation)
                .flatMap(PeerCertificates::commonName)
                .map(CallingService::new)
                .orElse(null);
        try (var scope = CallingService.bind(service)) {
            return invoker.invoke(invocation);
        }
    }
}
