package io.shop.auth.session;

/** What Redis keeps of a refresh token (besides its expiry and whether it was used). */
record StoredRefreshToken(String sessionId, long userId) {}
