package org.identityledger.events.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A suspension was lifted; the account is active again. */
@Revision("1")
public record AccountReinstatedEvent(
        String accountRef,
        Instant reinstatedAt) {
}
