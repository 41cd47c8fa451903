package io.shop.api.user;

import java.io.Serializable;
import java.util.List;

/** The user id and roles a token is issued for. Roles are {@link io.shop.api.auth.Roles} names. */
public record UserIdentity(long userId, List<String> roles) implements Serializable {

    public UserIdentity {
        roles = List.copyOf(roles);
    }
}
