package io.shop.user.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.user.UserErrors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrentUserResolverTest {

    @ParameterizedTest
    @ValueSource(strings = {"42", " 42 "})
    void wellFormedHeaderIsTheUserId(String header) {
        assertThat(CurrentUserResolver.userId(header)).isEqualTo(42L);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "0", "-7", "1,2", "99999999999999999999"})
    void missingOrMalformedHeaderIsUnauthenticated(String header) {
        assertThatThrownBy(() -> CurrentUserResolver.userId(header)).isInstanceOfSatisfying(ShopException.class, e -> {
            assertThat(e.code()).isEqualTo(UserErrors.UNAUTHENTICATED);
            assertThat(e.kind()).isEqualTo(ShopException.Kind.UNAUTHENTICATED);
        });
    }
}
