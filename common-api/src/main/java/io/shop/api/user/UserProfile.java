package io.shop.api.user;

import java.io.Serializable;
import java.time.Instant;

/** A user as other services see them: no credentials, ever. Email is null for phone-only accounts. */
public record UserProfile(long id, String email, String nickname, Instant createdAt) implements Serializable {}
