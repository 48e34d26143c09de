package org.identityledger.events.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A suspension was lifted; the account is active again. Revision 2 records who lifted it and why;
 * revision 1 did not ({@code AccountActorUpcaster} reads both as null).
 */
@Revision("2")
public record AccountReinstatedEvent(
        String accountRef,
        String reason,
        String actorRef,
        Instant reinstatedAt) {
}
