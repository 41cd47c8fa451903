package io.shop.support.identity;

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
