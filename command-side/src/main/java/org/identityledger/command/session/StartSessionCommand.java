package org.identityledger.command.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.identityledger.events.session.SessionTransport;

import java.time.Duration;
import java.time.Instant;

/** Open a session for an account whose credentials were just verified. */
public record StartSessionCommand(
        @TargetAggregateIdentifier String sessionId,
        String accountRef,
        SessionTransport transport,
        String secretHash,
        String deviceName,
        Instant startedAt,
        Instant expiresAt,
        Duration idleTimeout) {
}
