package io.shop.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.auth.AuthErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentUserResolverTest {

    @Test
    void theCallersIdIsTheCurrentUser() {
        try (var scope = Caller.bind(new Caller(42, List.of("customer")))) {
            assertThat(CurrentUserResolver.currentUserId()).isEqualTo(42L);
        }
    }

    @Test
    void noCallerIsUnauthenticated() {
        assertThatThrownBy(CurrentUserResolver::currentUserId).isInstanceOfSatisfying(ShopException.class, e -> {
            assertThat(e.code()).isEqualTo(AuthErrors.UNAUTHENTICATED);
            assertThat(e.kind()).isEqualTo(ShopException.Kind.UNAUTHENTICATED);
        });
    }
}
