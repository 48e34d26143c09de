package org.identityledger.query.session;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.account.AccountDeactivatedEvent;
import org.identityledger.events.account.AccountSuspendedEvent;
import org.identityledger.events.session.SessionRevocationReason;
import org.identityledger.events.session.SessionRevokedEvent;
import org.identityledger.events.session.SessionStartedEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Projects sessions into {@link SessionView} in the events' own transaction: a logout, revocation,
 * suspension or deactivation is refused from the very next request on.
 */
@Component
@ProcessingGroup(SessionProjection.PROCESSING_GROUP)
public class SessionProjection {

    public static final String PROCESSING_GROUP = "session-view";

    private final SessionViewRepository sessions;

    SessionProjection(SessionViewRepository sessions) {
        this.sessions = sessions;
    }

    @EventHandler
    void on(SessionStartedEvent event) {
        sessions.save(new SessionView(event.sessionId(), event.secretHash(), event.accountRef(),
                event.transport().wireName(), event.deviceName(), event.startedAt(), event.expiresAt(),
                event.idleTimeout()));
    }

    @EventHandler
    void on(SessionRevokedEvent event) {
        sessions.findById(event.sessionId())
                .ifPresent(session -> session.revoke(event.reason().name().toLowerCase(), event.revokedAt()));
    }

    @EventHandler
    void on(AccountSuspendedEvent event) {
        revokeAllOf(event.accountRef(), SessionRevocationReason.ACCOUNT_SUSPENDED, event.suspendedAt());
    }

    @EventHandler
    void on(AccountDeactivatedEvent event) {
        revokeAllOf(event.accountRef(), SessionRevocationReason.ACCOUNT_DEACTIVATED, event.deactivatedAt());
    }

    private void revokeAllOf(String accountRef, SessionRevocationReason reason, Instant at) {
        sessions.findByAccountRefAndRevokedAtIsNull(accountRef)
                .forEach(session -> session.revoke(reason.name().toLowerCase(), at));
    }
}
