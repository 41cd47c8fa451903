package io.shop.api;

/** Stable error codes any service may answer, whatever its business. */
public final class CommonErrors {

    /** An argument of a call is missing or cannot be read as the type the method takes. */
    public static final String INVALID_ARGUMENT = "INVALID_ARGUMENT";
    /** The serving side failed unexpectedly; the details stay in its log under an incident id. */
    public static final String INTERNAL = "INTERNAL";

    private CommonErrors() {}
}
