package org.identityledger.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event field that holds a one-way credential derivative (an Argon2id PHC string or a
 * SHA-256 token hash). Never a raw secret: the mark lets tests and erasure tooling find these fields.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface CredentialData {
}
