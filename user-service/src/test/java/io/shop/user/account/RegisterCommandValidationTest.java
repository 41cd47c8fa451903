package io.shop.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegisterCommandValidationTest {

    static jakarta.validation.ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void registrationWithAnEmailIsValid() {
        assertThat(invalidFields(new RegisterCommand("ada@example.org", null, "s3cret-pass", "Ada")))
                .isEmpty();
    }

    @Test
    void registrationWithAPhoneIsValid() {
        assertThat(invalidFields(new RegisterCommand(null, "+8613800138000", "s3cret-pass", "Ada")))
                .isEmpty();
    }

    @Test
    void neitherEmailNorPhoneNamesBoth() {
        assertThat(invalidFields(new RegisterCommand(" ", null, "s3cret-pass", "Ada")))
                .containsExactlyInAnyOrder("email", "phone");
    }

    @Test
    void bothEmailAndPhoneNamesBoth() {
        assertThat(invalidFields(new RegisterCommand("ada@example.org", "+8613800138000", "s3cret-pass", "Ada")))
                .containsExactlyInAnyOrder("email", "phone");
    }

    @Test
    void malformedEmailNamesEmail() {
        assertThat(invalidFields(new RegisterCommand("not-an-email", null, "s3cret-pass", "Ada")))
                .containsExactly("email");
    }

    @Test
    void malformedPhoneNamesPhone() {
        assertThat(invalidFields(new RegisterCommand(null, "12-34", "s3cret-pass", "Ada")))
                .containsExactly("phone");
    }

    @Test
    void weakOrMissingPasswordNamesPassword() {
        assertThat(invalidFields(new RegisterCommand("ada@example.org", null, "password", "Ada")))
                .containsExactly("password");
        assertThat(invalidFields(new RegisterCommand("ada@example.org", null, null, "Ada")))
                .containsExactly("password");
    }

    @Test
    void nicknameMustHaveOneToFortyCharacters() {
        assertThat(invalidFields(new RegisterCommand("ada@example.org", null, "s3cret-pass", "  ")))
                .containsExactly("nickname");
        assertThat(invalidFields(new RegisterCommand("ada@example.org", null, "s3cret-pass", "x".repeat(41))))
                .containsExactly("nickname");
        assertThat(invalidFields(new RegisterCommand("ada@example.org", null, "s3cret-pass", "x".repeat(40))))
                .isEmpty();
    }

    @Test
    void emailIsStoredLowerCaseAndTrimmed() {
        assertThat(new RegisterCommand(" Ada@Example.ORG ", null, "s3cret-pass", "Ada").email())
                .isEqualTo("ada@example.org");
    }

    @Test
    void passwordNeverShowsInTheTextForm() {
        assertThat(new RegisterCommand("ada@example.org", null, "s3cret-pass", "Ada").toString())
                .doesNotContain("s3cret-pass");
    }

    private static List<String> invalidFields(RegisterCommand command) {
        return validator.validate(command).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .toList();
    }
}
