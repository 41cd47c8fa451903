package io.shop.user.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A registration names exactly one way to reach the account: an email or a phone number. A
 * violation is reported on both fields, so the problem body names them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneContact.Check.class)
@interface OneContact {

    String message() default "give either an email or a phone number, not both";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<OneContact, RegisterCommand> {
        @Override
        public boolean isValid(RegisterCommand command, ConstraintValidatorContext context) {
            if (command == null || (command.email() == null) != (command.phone() == null)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (String field : new String[] {"email", "phone"}) {
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode(field)
                        .addConstraintViolation();
            }
            return false;
        }
    }
}
