package io.shop.support.rpc;

import static org.apache.dubbo.common.constants.CommonConstants.$INVOKE;
import static org.apache.dubbo.common.constants.CommonConstants.$INVOKE_ASYNC;
import static org.apache.dubbo.rpc.Constants.GENERIC_KEY;

import io.shop.api.ShopException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.apache.dubbo.common.utils.StringUtils;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.service.GenericService;
import org.apache.dubbo.rpc.support.ProtocolUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call through {@code GenericService.$invoke(method, parameterTypes, arguments)} by a caller
 * without the interface: records and other values arrive as maps.
 */
final class GenericCall {

    private static final Logger log = LoggerFactory.getLogger(GenericCall.class);

    private final Invoker<?> invoker;
    private final Invocation invocation;
    private final String methodName;
    private final String[] parameterTypes;
    private final Object[] arguments;

    private GenericCall(Invoker<?> invoker, Invocation invocation) {
        this.invoker = invoker;
        this.invocation = invocation;
        Object[] invokeArguments = invocation.getArguments();
        this.methodName = String.valueOf(invokeArguments[0]).trim();
        this.parameterTypes = (String[]) invokeArguments[1];
        this.arguments = (Object[]) invokeArguments[2];
    }

    /** The same test as Dubbo's GenericFilter uses to recognise a generic call. */
    static Optional<GenericCall> of(Invoker<?> invoker, Invocation invocation) {
        String name = invocation.getMethodName();
        boolean generic = ($INVOKE.equals(name) || $INVOKE_ASYNC.equals(name))
                && invocation.getArguments() != null
                && invocation.getArguments().length == 3
                && !GenericService.class.isAssignableFrom(invoker.getInterface());
        return generic ? Optional.of(new GenericCall(invoker, invocation)) : Optional.empty();
    }

    /** Whether a call reached the service through GenericFilter (which keeps the attachments). */
    static boolean isGeneric(Invocation invocation) {
        return ProtocolUtils.isGeneric(invocation.getAttachment(GENERIC_KEY));
    }

    Optional<Method> method() {
        return Arrays.stream(invoker.getInterface().getMethods())
                .filter(m -> m.getName().equals(methodName) && takes(m))
                .findFirst();
    }

    private boolean takes(Method method) {
        Class<?>[] types = method.getParameterTypes();
        if (parameterTypes == null) {
            return true;
        }
        if (types.length != parameterTypes.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            String given = parameterTypes[i].trim();
            if (!given.equals(types[i].getName()) && !given.equals(types[i].getTypeName())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Turns the caller's maps into the records the method takes (Dubbo 3.3's PojoUtils cannot: it
     * tries to set their final fields); every other value is left for GenericFilter to convert.
     */
    Object[] readArguments() {
        Optional<Method> method = method();
        if (method.isEmpty() || arguments == null || !plainGeneric()) {
            return arguments;
        }
        Method m = method.get();
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < types.length && i < arguments.length; i++) {
            if (RecordReader.reads(types[i], m.getGenericParameterTypes()[i])) {
                try {
                    arguments[i] = RecordReader.read(arguments[i], types[i], m.getGenericParameterTypes()[i]);
                } catch (RecordReader.Unreadable e) {
                    throw ShopException.invalidArgument(RequiredArguments.nameOf(m.getParameters()[i], i) + " of "
                            + methodName + " is not a valid " + types[i].getSimpleName() + ": " + e.getMessage());
                }
            }
        }
        return arguments;
    }

    ShopException unreadable(RuntimeException cause) {
        log.debug("unreadable arguments for {}", methodName, cause);
        return ShopException.invalidArgument("the arguments of " + methodName + " cannot be read as "
                + (parameterTypes == null ? "its parameters" : String.join(", ", parameterTypes)));
    }

    // generic=true sends maps; bean, nativejava, gson and protobuf send their own forms
    private boolean plainGeneric() {
        String generic = invocation.getAttachment(GENERIC_KEY);
        return StringUtils.isEmpty(generic) || ProtocolUtils.isDefaultGenericSerialization(generic);
    }
}
