package io.shop.auth.session;

/**
 * What a login or refresh answers: a bearer access token and the refresh token that replaces it,
 * with their lifetimes in seconds (OAuth 2.0 style).
 */
public record TokenPair(
        String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {

    static final String BEARER = "Bearer";
}
