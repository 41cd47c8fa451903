package io.shop.api;

import java.io.Serial;

/**
 * A business failure with a stable, machine-readable {@link #code()}. It crosses Dubbo as itself to
 * Java callers and as {@code "CODE: message"} to generic ones (service-support's error boundary),
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
        /** What was asked for existed and is used up for good (a sold-out flash sale). */
        GONE,
        TOO_MANY_REQUESTS,
        UNAVAILABLE,
        /** A bug or an unexpected failure of the serving side, not of the call. */
        INTERNAL
    }

    private final String code;
    private final Kind kind;
    private final long retryAfterSeconds;

    public ShopException(Kind kind, String code, String message) {
        this(kind, code, message, 0);
    }

    private ShopException(Kind kind, String code, String message, long retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Too many requests; the caller may try again after the given number of seconds. */
    public static ShopException tooManyRequests(String code, String message, long retryAfterSeconds) {
        return new ShopException(Kind.TOO_MANY_REQUESTS, code, message, retryAfterSeconds);
    }

    /** The serving side cannot answer for now; the caller may try again after the given number of seconds. */
    public static ShopException unavailable(String code, String message, long retryAfterSeconds) {
        return new ShopException(Kind.UNAVAILABLE, code, message, retryAfterSeconds);
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

    /** An argument of a call is missing or malformed ({@link CommonErrors#INVALID_ARGUMENT}). */
    public static ShopException invalidArgument(String message) {
        return invalid(CommonErrors.INVALID_ARGUMENT, message);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** When to try again, in seconds (HTTP {@code Retry-After}); 0 when the failure does not say. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
