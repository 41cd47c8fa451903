package io.shop.support.sentinel;

import com.alibaba.csp.sentinel.adapter.dubbo3.fallback.DubboFallback;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import io.shop.api.CommonErrors;
import io.shop.api.ShopException;
import org.apache.dubbo.rpc.AsyncRpcResult;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;

/**
 * What a Dubbo call that Sentinel refused ends as, on either side: a {@link ShopException} with a
 * stable code, which the HTTP edge answers as a problem body. An open circuit is 503 {@value
 * CommonErrors#DEPENDENCY_UNAVAILABLE} (retry once the breaker's window has passed); a flow,
 * hot-parameter, system or authority rule is 429 {@value CommonErrors#TOO_MANY_REQUESTS}.
 */
final class BlockedCalls implements DubboFallback {

    @Override
    public Result handle(Invoker<?> invoker, Invocation invocation, BlockException blocked) {
        return AsyncRpcResult.newDefaultAsyncResult(
                failureOf(blocked, invoker.getInterface().getSimpleName()), invocation);
    }

    static ShopException failureOf(BlockException blocked, String service) {
        if (blocked instanceof DegradeException) {
            long window = blocked.getRule() instanceof DegradeRule rule ? Math.max(1, rule.getTimeWindow()) : 1;
            return ShopException.unavailable(
                    CommonErrors.DEPENDENCY_UNAVAILABLE,
                    service + " keeps failing; calls to it are paused for " + window + " s",
                    window);
        }
        return ShopException.tooManyRequests(
                CommonErrors.TOO_MANY_REQUESTS, "Too many calls to " + service + " just now; retry shortly", 1);
    }

    /**
     * Whether a failed call counts against the called service's circuit breaker: a business refusal
     * (invalid, not found, conflict...) is the caller's, not a fault of the callee; being overloaded,
     * unavailable or broken is.
     */
    static boolean isFaultOfTheCallee(Throwable failure) {
        if (failure instanceof ShopException e) {
            return switch (e.kind()) {
                case TOO_MANY_REQUESTS, UNAVAILABLE, INTERNAL -> true;
                default -> false;
            };
        }
        return true;
    }
}
