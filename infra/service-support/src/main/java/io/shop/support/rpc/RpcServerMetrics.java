package io.shop.support.rpc;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.shop.api.ShopException;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * Every Dubbo call this instance serves, as the timer {@code rpc.server.duration} (Prometheus:
 * {@code rpc_server_duration_seconds}) tagged with {@code rpc.service} (the interface), {@code
 * rpc.method} and {@code outcome}: {@code OK}, the {@link ShopException.Kind} of a business
 * failure, or {@code ERROR}. Recorded in Micrometer's global registry, which Spring Boot's
 * registries join, since Dubbo makes its filters itself. Inside the error boundary's {@code
 * HideFailures}, so it sees the failure before it is made fit for the wire.
 */
@Activate(group = CommonConstants.PROVIDER, order = -18500)
public final class RpcServerMetrics implements Filter {

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        Timer.Sample sample = Timer.start();
        try {
            Result result = invoker.invoke(invocation);
            result.whenCompleteWithContext(
                    (done, thrown) -> record(sample, invoker, invocation, failure(done, thrown)));
            return result;
        } catch (RuntimeException e) {
            record(sample, invoker, invocation, e);
            throw e;
        }
    }

    private static Throwable failure(Result done, Throwable thrown) {
        return thrown != null ? thrown : done != null && done.hasException() ? done.getException() : null;
    }

    private static void record(Timer.Sample sample, Invoker<?> invoker, Invocation invocation, Throwable failure) {
        String outcome = failure == null
                ? "OK"
                : failure instanceof ShopException e ? e.kind().name() : "ERROR";
        sample.stop(Timer.builder("rpc.server.duration")
                .description("Dubbo calls served")
                .tag("rpc.service", invoker.getInterface().getName())
                .tag("rpc.method", invocation.getMethodName())
                .tag("outcome", outcome)
                .register(Metrics.globalRegistry));
    }
}
