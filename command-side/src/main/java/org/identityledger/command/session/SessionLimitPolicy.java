package org.identityledger.command.session;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.session.SessionRevocationReason;
import org.identityledger.events.session.SessionStartedEvent;
import org.springframework.stereotype.Component;

/**
 * One account holds at most identity.session.max-live-per-account unexpired sessions: when a new one
 * starts, the oldest beyond the limit end, each with a revocation event in its own stream in the
 * same transaction. So a script that signs in forever cannot grow the read models, the session list
 * or the revocation work of a password change without bound. Concurrent sign-ins of one account may
 * overshoot by their number for a moment; the next start trims again.
 */
@Component
@ProcessingGroup(SessionLimitPolicy.PROCESSING_GROUP)
public class SessionLimitPolicy {

    public static final String PROCESSING_GROUP = "session-limit-policy";

    private final CommandGateway commandGateway;
    private final SessionLookup sessionLookup;
    private final SessionSettings settings;

    public SessionLimitPolicy(CommandGateway commandGateway, SessionLookup sessionLookup, SessionSettings settings) {
        this.commandGateway = commandGateway;
        this.sessionLookup = sessionLookup;
        this.settings = settings;
    }

    @EventHandler
    void on(SessionStartedEvent event) {
        // Whether or not the lookup already holds the new session, the others keep at most limit - 1.
        sessionLookup.unexpiredSessionIdsOf(event.accountRef(), event.startedAt()).stream()
                .filter(sessionId -> !sessionId.equals(event.sessionId()))
                .skip(Math.max(0, settings.maxLivePerAccount() - 1L))
                .forEach(sessionId -> commandGateway.sendAndWait(
                        new RevokeSessionCommand(sessionId, SessionRevocationReason.SESSION_LIMIT_EXCEEDED)));
    }
}
