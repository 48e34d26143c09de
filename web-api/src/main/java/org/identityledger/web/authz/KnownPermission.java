package org.identityledger.web.authz;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.identityledger.query.authorization.Permission;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A permission of the vocabulary ({@link Permission} decides which names exist). */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownPermission.Validator.class)
@interface KnownPermission {

    String message() default "Not a permission of the vocabulary.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownPermission, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Permission.fromWireName(value).isPresent();
        }
    }
}
