package org.identityledger.command.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.identityledger.events.session.SessionTransport;

import java.time.Duration;
import java.time.Instant;

/**
 * Open a session for an account whose credentials were just verified: {@code credentialVersion} is
 * the version of the password that was checked, and the session starts only if it is still current.
 */
public record StartSessionCommand(
        @TargetAggregateIdentifier String sessionId,
        String accountRef,
        long credentialVersion,
        SessionTransport transport,
        String secretHash,
        String deviceName,
        Instant startedAt,
        Instant expiresAt,
        Duration idleTimeout,
        SessionScope scope) {

    @Override
    public String toString() {
        return "StartSessionCommand[sessionId=" + sessionId + ", accountRef=" + accountRef + ", transport=" + transport + ", scope=" + scope + "]";
    }
}
