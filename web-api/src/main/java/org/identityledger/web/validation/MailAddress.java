package org.identityledger.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.identityledger.command.account.EmailAddress;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An address mail can really be sent to, as {@link EmailAddress} decides (the one rule). Absent and
 * over-long values are left to {@code @NotBlank} and {@code @Size}, so a field reports one problem.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MailAddress.Validator.class)
public @interface MailAddress {

    String message() default "This is not an email address.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MailAddress, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || value.length() > EmailAddress.MAX_LENGTH
                    || EmailAddress.mailAddress(value.strip()).isPresent();
        }
    }
}
