package org.identityledger.command.session;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.identityledger.command.common.CommandRetry;
import org.identityledger.events.session.SessionRevocationReason;
import org.springframework.stereotype.Service;

import java.time.Clock;

/** Ending sessions on the holder's request. */
@Service
public class SignOutService {

    private final CommandGateway commandGateway;
    private final SessionLookup sessionLookup;
    private final Clock clock;

    public SignOutService(CommandGateway commandGateway, SessionLookup sessionLookup, Clock clock) {
        this.commandGateway = commandGateway;
        this.sessionLookup = sessionLookup;
        this.clock = clock;
    }

    /** Ends every session of the account but {@code keptSessionId} (at most the session limit of them). */
    public void revokeOthers(String accountRef, String keptSessionId) {
        sessionLookup.unexpiredSessionIdsOf(accountRef, clock.instant()).stream()
                .filter(sessionId -> !sessionId.equals(keptSessionId))
                .forEach(sessionId -> revoke(sessionId, SessionRevocationReason.REVOKED_BY_HOLDER));
    }

    public void signOut(String sessionId) {
        revoke(sessionId, SessionRevocationReason.LOGOUT);
    }

    public void revoke(String sessionId, SessionRevocationReason reason) {
        try {
            CommandRetry.sendAndWait(commandGateway, new RevokeSessionCommand(sessionId, reason));
        } catch (AggregateNotFoundException alreadyGone) {
            // Revocation is idempotent: an unknown session is as ended as it gets.
        }
    }
}
