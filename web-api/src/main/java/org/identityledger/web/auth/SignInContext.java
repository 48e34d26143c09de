package org.identityledger.web.auth;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.identityledger.command.session.SessionScope;
import org.identityledger.events.session.SessionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The context a sign-in asks for: {@code context} absent or "customer", "business" with a
 * {@code business_id}, or "staff". Checked as one constraint on the request record (the two fields
 * depend on each other); the finding names the field that is wrong.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SignInContext.Validator.class)
@interface SignInContext {

    String message() default "Either customer, business (with business_id) or staff.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A request that names a context. */
    interface Requested {
        String context();

        String businessId();

        /** The scope asked for; only called on a request this constraint accepted. */
        default SessionScope scope() {
            SessionContext context = context() == null ? SessionContext.CUSTOMER : SessionContext.fromWireName(context()).orElseThrow();
            return switch (context) {
                case CUSTOMER -> SessionScope.customer();
                case BUSINESS -> SessionScope.business(businessId());
                case STAFF -> SessionScope.staff();
            };
        }
    }

    class Validator implements ConstraintValidator<SignInContext, Requested> {
        @Override
        public boolean isValid(Requested request, ConstraintValidatorContext context) {
            if (request.context() != null && SessionContext.fromWireName(request.context()).isEmpty()) {
                return refuse(context, "context", "Either customer, business or staff.");
            }
            boolean business = "business".equals(request.context());
            boolean hasBusinessId = request.businessId() != null && !request.businessId().isBlank();
            if (business && !hasBusinessId) {
                return refuse(context, "businessId", "Required for the business context.");
            }
            if (!business && hasBusinessId) {
                return refuse(context, "businessId", "Only for the business context.");
            }
            return request.businessId() == null || request.businessId().length() <= 64
                    || refuse(context, "businessId", "At most 64 characters.");
        }

        private static boolean refuse(ConstraintValidatorContext context, String field, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
