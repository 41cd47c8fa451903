package io.shop.api;

/** Stable error codes any service may answer, whatever its business. */
public final class CommonErrors {

    /** An argument of a call is missing or cannot be read as the type the method takes. */
    public static final String INVALID_ARGUMENT = "INVALID_ARGUMENT";
    /** The serving side failed unexpectedly; the details stay in its log under an incident id. */
    public static final String INTERNAL = "INTERNAL";

    /** A flow or hot-parameter rule refused the call: too many of them just now. */
    public static final String TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS";
    /** A service this call needs keeps failing, so calls to it are paused for a while (circuit open). */
    public static final String DEPENDENCY_UNAVAILABLE = "DEPENDENCY_UNAVAILABLE";

    private CommonErrors() {}
}
