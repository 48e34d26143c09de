package org.identityledger.events.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The account may no longer sign in; its sessions end with it. Revision 2 records the acting staff
 * account ({@code actorRef}); revision 1 did not ({@code AccountActorUpcaster} reads it as null).
 */
@Revision("2")
public record AccountSuspendedEvent(
        String accountRef,
        String reason,
        String actorRef,
        Instant suspendedAt) {
}
