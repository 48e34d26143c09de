package org.identityledger.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The first revision of an event whose stored form holds its personal and credential fields sealed
 * (see {@link org.identityledger.events.sealing.SealedFields}). Earlier revisions were stored in
 * clear; the revision, not the look of a value, tells which form a stored payload is in, so a
 * display name that happens to look like a sealed value is never mistaken for one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SealedSince {
    String value();
}
