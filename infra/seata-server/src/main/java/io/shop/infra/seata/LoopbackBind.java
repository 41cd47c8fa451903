package io.shop.infra.seata;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * A Java agent for the Seata server JVM: every Netty server socket that would bind the wildcard
 * address binds the host given as the agent argument instead (default 127.0.0.1).
 *
 * <p>Seata server 2.0.0 binds its transaction coordinator port with {@code bind(port)}, on every
 * interface, and has no setting for the address; the shop's rule is loopback only.
 */
public final class LoopbackBind {

    private static volatile String host = "127.0.0.1";

    private LoopbackBind() {}

    public static void premain(String argument, Instrumentation instrumentation) {
        if (argument != null && !argument.isBlank()) {
            host = argument;
        }
        new AgentBuilder.Default()
                .type(named("io.netty.bootstrap.AbstractBootstrap"))
                .transform((builder, type, classLoader, module, domain) -> builder.visit(
                        Advice.to(RewriteWildcard.class).on(named("bind").and(takesArguments(SocketAddress.class)))))
                .installOn(instrumentation);
    }

    public static String host() {
        return host;
    }

    static final class RewriteWildcard {

        private RewriteWildcard() {}

        @Advice.OnMethodEnter
        static void enter(
                @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) SocketAddress address) {
            if (address instanceof InetSocketAddress inet
                    && inet.getAddress() != null
                    && inet.getAddress().isAnyLocalAddress()) {
                address = new InetSocketAddress(LoopbackBind.host(), inet.getPort());
            }
        }
    }
}
