package io.shop.user.account;

import io.shop.api.user.UserIdentity;
import java.time.Instant;
import java.util.List;

/** A stored account. Holds the password hash, so it never leaves this package as is. */
record Account(
        long id,
        String email,
        String phone,
        String nickname,
        String passwordHash,
        List<String> roles,
        boolean enabled,
        Instant createdAt) {

    UserIdentity identity() {
        return new UserIdentity(id, roles);
    }

    @Override
    public String toString() {
        return "Account[id=" + id + ", roles=" + roles + ", enabled=" + enabled + "]";
    }
}
