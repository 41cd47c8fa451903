package io.shop.support.identity;

/**
 * The process's passport verifier for the Dubbo filters, which Dubbo creates itself, outside the
 * Spring context; set once the context made it.
 */
final class PassportHolder {

    private static volatile Passports passports;

    private PassportHolder() {}

    static void set(Passports verifier) {
        passports = verifier;
    }

    /** The verifier; without one (no PKI configured) every passport is refused. */
    static Passports get() {
        Passports current = passports;
        if (current == null) {
            throw new io.shop.api.ShopException(
                    io.shop.api.ShopException.Kind.UNAUTHENTICATED,
                    io.shop.api.auth.AuthErrors.UNAUTHENTICATED,
                    "this service cannot verify passports (no shop.pki.dir)");
        }
        return current;
    }
}
