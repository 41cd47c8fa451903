package io.shop.api;

import java.io.Serial;

/**
 * A business failure with a stable, machine-readable {@link #code()}. It crosses Dubbo intact (it
 * lives in the same jar as the service interfaces, so Dubbo's exception filter rethrows it as is)
 * and the HTTP edge turns it into an RFC 9457 problem body whose status follows {@link #kind()}.
 */
public class ShopException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is; decides the HTTP status at the edge. */
    public enum Kind {
        INVALID,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        UNPROCESSABLE,
        TOO_MANY_REQUESTS,
        UNAVAILABLE
    }

    private final String code;
    private final Kind kind;

    public ShopException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static ShopException notFound(String code, String message) {
        return new ShopException(Kind.NOT_FOUND, code, message);
    }

    public static ShopException conflict(String code, String message) {
        return new ShopException(Kind.CONFLICT, code, message);
    }

    public static ShopException invalid(String code, String message) {
        return new ShopException(Kind.INVALID, code, message);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
