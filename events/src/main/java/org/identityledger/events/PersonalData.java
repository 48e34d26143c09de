package org.identityledger.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event field that holds personal data. Erasure requests will be served by encrypting
 * exactly these fields with a per-account key and shredding the key, so every such field must carry
 * this mark; PersonalDataAuditTest lists them and fails on an unmarked field that looks personal.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {
}
