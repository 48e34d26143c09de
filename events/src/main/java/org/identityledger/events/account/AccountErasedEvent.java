package org.identityledger.events.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The account's personal data was erased: its data key is destroyed in this event's transaction, so
 * every sealed field of its events reads "[erased]" from now on. The account is deactivated first
 * (its own event); {@code actorRef} is the account itself for a self-service erasure, or the admin.
 */
@Revision("1")
public record AccountErasedEvent(
        String accountRef,
        String reason,
        String actorRef,
        Instant erasedAt) {
}
