package org.identityledger.web.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field of a request body that carries a password the password policy judges, so that a
 * refusal names the field the client sent, found from the routed handler, never guessed from the URL.
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.RUNTIME)
public @interface NewPassword {
}
