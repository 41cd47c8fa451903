package io.shop.auth.session;

import io.shop.api.ShopException;
import io.shop.api.auth.AuthErrors;
import io.shop.api.user.UserIdentity;
import io.shop.auth.TokenLifetimes;
import io.shop.auth.UserClient;
import io.shop.auth.signing.TokenSigner;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Login sessions: each is a family of refresh tokens, one current at a time. Refreshing rotates
 * the current token; presenting a rotated one means it was stolen or replayed, so the whole session
 * is revoked (its access tokens too, through the revoked-session marker the gateway checks).
 */
@Service
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final RefreshTokenStore store;
    private final TokenSigner signer;
    private final UserClient users;
    private final TokenLifetimes lifetimes;
    private final Clock clock;

    Sessions(RefreshTokenStore store, TokenSigner signer, UserClient users, TokenLifetimes lifetimes, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.users = users;
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    /** Starts a session for a user who has just proved who they are. */
    public TokenPair open(UserIdentity identity) {
        String sessionId = UUID.randomUUID().toString();
        String refreshToken = RefreshTokens.generate();
        Instant now = clock.instant();
        store.open(
                sessionId,
                identity.userId(),
                RefreshTokens.hash(refreshToken),
                now.plus(lifetimes.refreshTokenTtl()),
                lifetimes.refreshTokenTtl());
        return issue(identity, sessionId, refreshToken, now);
    }

    /** A new token pair for a current refresh token; roles are read afresh from user-service. */
    TokenPair refresh(String refreshToken) {
        String presentedHash = RefreshTokens.hash(refreshToken);
        StoredRefreshToken presented = store.find(presentedHash).orElseThrow(Sessions::invalidRefreshToken);
        UserIdentity identity = users.identity(presented.userId());
        String successor = RefreshTokens.generate();
        Instant now = clock.instant();
        Rotation rotation = store.rotate(
                presented,
                presentedHash,
                RefreshTokens.hash(successor),
                now,
                lifetimes.refreshTokenTtl(),
                lifetimes.accessTokenHorizon());
        return switch (rotation) {
            case ROTATED -> issue(identity, presented.sessionId(), successor, now);
            case REUSED -> {
                log.warn("Rotated refresh token of session {} presented again: session revoked", presented.sessionId());
                throw invalidRefreshToken();
            }
            case INVALID -> throw invalidRefreshToken();
        };
    }

    /** Logs out: ends the session of any token it issued (ending it twice changes nothing). */
    void end(String refreshToken) {
        StoredRefreshToken token =
                store.find(RefreshTokens.hash(refreshToken)).orElseThrow(Sessions::invalidRefreshToken);
        store.revoke(token.sessionId(), lifetimes.accessTokenHorizon());
    }

    private TokenPair issue(UserIdentity identity, String sessionId, String refreshToken, Instant now) {
        String accessToken = signer.sign(AccessTokenClaims.of(identity, sessionId, now, lifetimes.accessTokenTtl()));
        return new TokenPair(
                accessToken,
                TokenPair.BEARER,
                lifetimes.accessTokenTtl().toSeconds(),
                refreshToken,
                lifetimes.refreshTokenTtl().toSeconds());
    }

    private static ShopException invalidRefreshToken() {
        return new ShopException(
                ShopException.Kind.UNAUTHENTICATED,
                AuthErrors.INVALID_REFRESH_TOKEN,
                "the refresh token is invalid, expired or was revoked");
    }
}
