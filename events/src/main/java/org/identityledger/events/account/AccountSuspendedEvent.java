package org.identityledger.events.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The account may no longer sign in; its sessions end with it. */
@Revision("1")
public record AccountSuspendedEvent(
        String accountRef,
        String reason,
        Instant suspendedAt) {
}
