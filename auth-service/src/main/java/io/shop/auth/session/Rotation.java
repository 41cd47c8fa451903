package io.shop.auth.session;

/** The outcome of presenting a refresh token for rotation. */
enum Rotation {
    /** The token was current; its successor is stored. */
    ROTATED,
    /** The token had been rotated already: it leaked or was replayed, so its session is revoked. */
    REUSED,
    /** Unknown, expired, or its session has ended. */
    INVALID
}
