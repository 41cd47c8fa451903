package io.shop.support.identity;

import io.shop.api.CallableBy;
import io.shop.api.ShopException;
import io.shop.api.auth.AuthErrors;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.AsyncRpcResult;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * Deny by default: a call to an operation of a shop interface ({@code io.shop.api}) goes through
 * only when the operation declares {@link CallableBy} and the {@link CallingService} that the TLS
 * client certificate names is among its services. Everything else ends with {@code FORBIDDEN}
 * ({@code SERVICE_NOT_ALLOWED}) before the provider's code runs. Dubbo's own services (metadata)
 * are not the shop's and are left alone.
 */
@Activate(group = CommonConstants.PROVIDER, order = 1000)
public final class OperationAccessFilter implements Filter {

    private static final String SHOP_CONTRACTS = "io.shop.api.";
    private static final Map<Method, List<String>> ALLOWED = new ConcurrentHashMap<>();

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        Class<?> contract = invoker.getInterface();
        if (!contract.getName().startsWith(SHOP_CONTRACTS)) {
            return invoker.invoke(invocation);
        }
        List<String> allowed = allowed(contract, invocation);
        String caller = CallingService.current().map(CallingService::name).orElse(null);
        if (caller == null || !allowed.contains(caller)) {
            return AsyncRpcResult.newDefaultAsyncResult(
                    new ShopException(
                            ShopException.Kind.FORBIDDEN,
                            AuthErrors.SERVICE_NOT_ALLOWED,
                            (caller == null ? "an unidentified caller" : caller) + " may not call "
                                    + contract.getSimpleName() + "." + invocation.getMethodName()),
                    invocation);
        }
        return invoker.invoke(invocation);
    }

    private static List<String> allowed(Class<?> contract, Invocation invocation) {
        Method method;
        try {
            method = contract.getMethod(invocation.getMethodName(), invocation.getParameterTypes());
        } catch (NoSuchMethodException unknown) {
            return List.of();
        }
        return ALLOWED.computeIfAbsent(method, m -> {
            CallableBy declared = m.getAnnotation(CallableBy.class);
            return declared == null ? List.of() : Arrays.asList(declared.value());
        });
    }
}
