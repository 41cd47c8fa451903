package io.shop.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.dubbo.rpc.AppResponse;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.RpcInvocation;
import org.junit.jupiter.api.Test;

class CallerAttachmentsTest {

    @Test
    void callerTravelsFromTheCallingServiceToTheServingOne() {
        RpcInvocation invocation = new RpcInvocation();
        Invoker<?> network = mock(Invoker.class);
        AtomicReference<Optional<Caller>> seenByProvider = new AtomicReference<>();
        Invoker<?> provider = mock(Invoker.class);
        when(provider.invoke(any())).thenAnswer(call -> {
            seenByProvider.set(Caller.current());
            return new AppResponse();
        });
        when(network.invoke(any()))
                .thenAnswer(call -> new CallerAttachments.Receive().invoke(provider, call.getArgument(0)));

        try (var scope = Caller.bind(new Caller(42, List.of("customer", "admin")))) {
            new CallerAttachments.Send().invoke(network, invocation);
        }

        assertThat(seenByProvider.get()).contains(new Caller(42, List.of("customer", "admin")));
        assertThat(Caller.current()).isEmpty();
    }

    @Test
    void aCallWithoutCallerServesNobodyEvenOnAThreadThatServedSomeoneBefore() {
        Invoker<?> provider = mock(Invoker.class);
        AtomicReference<Optional<Caller>> seen = new AtomicReference<>();
        when(provider.invoke(any())).thenAnswer(call -> {
            seen.set(Caller.current());
            return new AppResponse();
        });

        try (var scope = Caller.bind(new Caller(7, List.of("customer")))) {
            new CallerAttachments.Receive().invoke(provider, new RpcInvocation());
        }

        assertThat(seen.get()).isEmpty();
    }

    @Test
    void malformedAttachmentsAreNoCaller() {
        assertThat(Caller.parse("0", "customer")).isEmpty();
        assertThat(Caller.parse("12abc", "customer")).isEmpty();
        assertThat(Caller.parse(null, null)).isEmpty();
        assertThat(Caller.parse("12", " customer , admin ")).contains(new Caller(12, List.of("customer", "admin")));
    }
}
