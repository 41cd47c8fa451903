package io.shop.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.shop.api.ShopException;
import io.shop.infra.pki.DevPki;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.dubbo.rpc.AppResponse;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcInvocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassportsTest {

    @TempDir
    static Path pki;

    @TempDir
    static Path otherPki;

    static Passports.Issuer gateway;
    static Passports passports;

    @BeforeAll
    static void certificates() {
        new DevPki(pki).ensure(List.of("gateway", "order-service"));
        new DevPki(otherPki).ensure(List.of("gateway"));
        gateway = new Passports.Issuer(ServiceCredentials.load(pki, "gateway"), Clock.systemUTC());
        passports = new Passports(ServiceCredentials.authority(pki), Clock.systemUTC());
        PassportHolder.set(passports);
    }

    @Test
    void aPassportTheGatewaySignedNamesItsCallerOnTheServingSideOfADubboCall() {
        String passport = gateway.issue(
                42, List.of("customer", "admin"), "sid-1", Instant.now().plusSeconds(300));
        AtomicReference<Optional<Caller>> seenByProvider = new AtomicReference<>();
        Invoker<?> provider = recording(seenByProvider);
        Invoker<?> network = mock(Invoker.class);
        when(network.invoke(any()))
                .thenAnswer(call -> new CallerAttachments.Receive().invoke(provider, call.getArgument(0)));

        try (var scope = Caller.bind(passports.verify(passport))) {
            new CallerAttachments.Send().invoke(network, new RpcInvocation());
        }

        assertThat(seenByProvider.get()).hasValueSatisfying(caller -> {
            assertThat(caller.userId()).isEqualTo(42);
            assertThat(caller.roles()).containsExactly("customer", "admin");
        });
        assertThat(Caller.current()).isEmpty();
    }

    @Test
    void aUserIdAttachmentWithoutPassportIsNobody() {
        AtomicReference<Optional<Caller>> seen = new AtomicReference<>();
        RpcInvocation forged = new RpcInvocation();
        forged.setAttachment("shop-user-id", "1");
        forged.setAttachment("shop-user-roles", "admin");

        try (var scope = Caller.bind(new Caller(7, List.of("customer")))) {
            new CallerAttachments.Receive().invoke(recording(seen), forged);
        }

        assertThat(seen.get()).isEmpty();
    }

    @Test
    void aPassportSignedByAnotherCaByAnotherServiceOrTamperedWithIsRefusedAsUnauthenticated() {
        Instant later = Instant.now().plusSeconds(300);
        String foreign = new Passports.Issuer(ServiceCredentials.load(otherPki, "gateway"), Clock.systemUTC())
                .issue(1, List.of("admin"), "s", later);
        String genuine = gateway.issue(2, List.of("customer"), "s", later);
        String[] parts = genuine.split("\\.");
        String tampered =
                parts[0] + "." + gateway.issue(1, List.of("admin"), "s", later).split("\\.")[1] + "." + parts[2];

        assertRefused(foreign);
        assertRefused(tampered);
        assertRefused("not-a-jwt");
        assertThatThrownBy(() -> new Passports.Issuer(ServiceCredentials.load(pki, "order-service"), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExpiredPassportIsRefused() {
        assertRefused(gateway.issue(3, List.of("customer"), "s", Instant.now().minus(Duration.ofMinutes(2))));
    }

    @Test
    void aPassportVerifiedOnceIsStillRefusedWhenItExpires() {
        Instant now = Instant.now();
        AtomicReference<Instant> time = new AtomicReference<>(now);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return time.get();
            }
        };
        Passports verifier = new Passports(ServiceCredentials.authority(pki), clock);
        String passport = gateway.issue(4, List.of("customer"), "s", now.plus(Duration.ofMinutes(2)));

        assertThat(verifier.verify(passport).userId()).isEqualTo(4);
        time.set(now.plus(Duration.ofMinutes(3)));

        assertThatThrownBy(() -> verifier.verify(passport))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.kind()).isEqualTo(ShopException.Kind.UNAUTHENTICATED));
    }

    @Test
    void aRefusedPassportEndsTheDubboCallWithUnauthenticated() {
        RpcInvocation invocation = new RpcInvocation();
        invocation.setAttachment(Passports.ATTACHMENT, "not-a-jwt");

        Result result = new CallerAttachments.Receive().invoke(mock(Invoker.class), invocation);

        assertThat(result.getException()).isInstanceOfSatisfying(ShopException.class, e -> assertThat(e.code())
                .isEqualTo("UNAUTHENTICATED"));
    }

    @Test
    void malformedUserIdsAreNoCaller() {
        assertThat(Caller.parse("0", "customer")).isEmpty();
        assertThat(Caller.parse("12abc", "customer")).isEmpty();
        assertThat(Caller.parse(null, null)).isEmpty();
        assertThat(Caller.parse("12", " customer , admin ")).contains(new Caller(12, List.of("customer", "admin")));
    }

    private static void assertRefused(String passport) {
        assertThatThrownBy(() -> passports.verify(passport))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.kind()).isEqualTo(ShopException.Kind.UNAUTHENTICATED));
    }

    private static Invoker<?> recording(AtomicReference<Optional<Caller>> seen) {
        Invoker<?> provider = mock(Invoker.class);
        when(provider.invoke(any())).thenAnswer(call -> {
            seen.set(Caller.current());
            return new AppResponse();
        });
        return provider;
    }
}
