package org.identityledger.query.session;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.session.RefreshTokenRotatedEvent;
import org.identityledger.events.session.SessionRevokedEvent;
import org.identityledger.events.session.SessionStartedEvent;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Projects sessions into {@link SessionView} in the events' own transaction: a logout or any other
 * revocation (suspension, password change, refresh-token reuse) is refused from the very next request on.
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
                .ifPresent(session -> session.revoke(event.reason().name().toLowerCase(Locale.ROOT), event.revokedAt()));
    }

    @EventHandler
    void on(RefreshTokenRotatedEvent event) {
        sessions.findById(event.sessionId()).ifPresent(session -> session.recordActivity(event.rotatedAt()));
    }
}
