package io.shop.support.identity;

import io.shop.api.ShopException;
import io.shop.api.auth.AuthErrors;
import io.shop.api.auth.Roles;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whom the current request or Dubbo call is served for, as the gateway verified it: taken from the
 * gateway's {@link Passports passport} on HTTP and on Dubbo (where the calling service passes on the
 * passport of its own current caller), and only once its signature checked out. Never from
 * anything else a client or another service sent.
 */
public record Caller(long userId, List<String> roles, String passport, Instant expiresAt) {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    public Caller {
        roles = List.copyOf(roles);
    }

    /** A caller without a passport yet. */
    Caller(long userId, List<String> roles) {
        this(userId, roles, null, Instant.MAX);
    }

    Caller withPassport(String signed, Instant expiry) {
        return new Caller(userId, roles, signed, expiry);
    }

    public static Optional<Caller> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * The current caller when it is an operator; otherwise a 401 ({@code UNAUTHENTICATED}) or 403
     * ({@code ADMIN_ROLE_REQUIRED}) failure. Services re-check this behind the gateway's own rule.
     */
    public static Caller requireAdmin() {
        Caller caller = current()
                .orElseThrow(() -> new ShopException(
                        ShopException.Kind.UNAUTHENTICATED, AuthErrors.UNAUTHENTICATED, "sign in first"));
        if (!caller.hasRole(Roles.ADMIN)) {
            throw new ShopException(
                    ShopException.Kind.FORBIDDEN, AuthErrors.ADMIN_ROLE_REQUIRED, "only operators may do this");
        }
        return caller;
    }

    /**
     * Does work for the caller a passport names, as a call carrying it would be served: the
     * passport is verified first (401 {@code UNAUTHENTICATED} if it does not hold), and calls made
     * meanwhile carry it on. For work that goes on after the request that brought the passport,
     * such as a queued flash-sale purchase.
     */
    public static <T> T callAs(String passport, java.util.function.Supplier<T> work) {
        try (Scope scope = bind(PassportHolder.get().verify(passport))) {
            return work.get();
        }
    }

    /**
     * Makes a caller (or nobody) current until the returned scope is closed, which restores
     * whoever was current before.
     */
    static Scope bind(Caller caller) {
        Caller previous = CURRENT.get();
        CURRENT.set(caller);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The caller that a user id and a comma-separated role list describe; empty when malformed. */
    static Optional<Caller> parse(String userId, String roles) {
        if (userId == null || !userId.matches("[1-9][0-9]{0,18}")) {
            return Optional.empty();
        }
        List<String> roleList = roles == null || roles.isBlank()
                ? List.of()
                : Arrays.stream(roles.split(","))
                        .map(String::trim)
                        .filter(r -> !r.isEmpty())
                        .toList();
        return Optional.of(new Caller(Long.parseLong(userId), roleList));
    }
}
