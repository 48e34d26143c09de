package org.identityledger.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field naming whose data key seals the event's {@link PersonalData} and
 * {@link CredentialData} fields: the account the data belongs to (or, for an invitation to someone
 * who may have no account yet, the invitation). Erasing that subject destroys its key, and with it
 * every sealed field of every event that names it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface DataSubject {
}
