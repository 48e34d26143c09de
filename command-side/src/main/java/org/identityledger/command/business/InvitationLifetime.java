package org.identityledger.command.business;

import java.time.Duration;

/** How long an invitation may be accepted. */
public record InvitationLifetime(Duration value) {
}
