package io.shop.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"abcdefg1", "correct horse battery 9", "Pässwört1", "1234567x"})
    void acceptsEightOrMoreCharactersWithALetterAndADigit(String password) {
        assertThat(PasswordPolicy.accepts(password)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "abcde1", "abcdef1", "abcdefgh", "12345678", "        ", "!!!!!!!!1"})
    void refusesShortPasswordsAndPasswordsWithoutALetterOrADigit(String password) {
        assertThat(PasswordPolicy.accepts(password)).isFalse();
    }

    @Test
    void acceptsSeventyTwoCharactersAndRefusesSeventyThree() {
        assertThat(PasswordPolicy.accepts("a1".repeat(36))).isTrue();
        assertThat(PasswordPolicy.accepts("a1".repeat(36) + "b")).isFalse();
    }

    @Test
    void refusesPasswordsLongerThanBcryptReadsEvenWhenFewCharacters() {
        String fortyCharactersOfTwoBytesEach = "ä".repeat(39) + "1";

        assertThat(fortyCharactersOfTwoBytesEach).hasSize(40);
        assertThat(PasswordPolicy.accepts(fortyCharactersOfTwoBytesEach)).isFalse();
    }
}
