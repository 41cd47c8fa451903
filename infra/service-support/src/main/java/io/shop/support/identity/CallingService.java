package io.shop.support.identity;

import io.shop.api.ShopException;
import io.shop.api.auth.AuthErrors;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which service a Dubbo call comes from: the name (CN) in the TLS client certificate the shop's CA
 * signed, which the caller proved it holds the key of during the handshake. Never taken from
 * anything the caller sends inside the call. Empty without mutual TLS, and inside HTTP requests.
 */
public record CallingService(String name) {

    private static final ThreadLocal<CallingService> CURRENT = new ThreadLocal<>();

    public static Optional<CallingService> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * The calling service when it is one of {@code allowed}; otherwise a 403 ({@code
     * SERVICE_NOT_ALLOWED}) failure, also when no service identity is known.
     */
    public static CallingService require(String... allowed) {
        CallingService caller = CURRENT.get();
        if (caller == null || !Arrays.asList(allowed).contains(caller.name())) {
            throw new ShopException(
                    ShopException.Kind.FORBIDDEN,
                    AuthErrors.SERVICE_NOT_ALLOWED,
                    (caller == null ? "an unidentified service" : caller.name()) + " may not call this");
        }
        return caller;
    }

    /** Makes a calling service (or none) current until the returned scope is closed. */
    static Caller.Scope bind(CallingService service) {
        CallingService previous = CURRENT.get();
        CURRENT.set(service);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }
}
