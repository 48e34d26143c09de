package org.identityledger.events.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The account was closed for good; its sessions end with it. */
@Revision("1")
public record AccountDeactivatedEvent(
        String accountRef,
        String reason,
        Instant deactivatedAt) {
}
