package org.identityledger.command.session;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.identityledger.command.common.CommandRetry;
import org.identityledger.events.session.SessionRevocationReason;
import org.springframework.stereotype.Service;

/** Ending sessions on the holder's request. */
@Service
public class SignOutService {

    private final CommandGateway commandGateway;

    public SignOutService(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
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
