package org.identityledger.command.session;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.account.AccountDeactivatedEvent;
import org.identityledger.events.account.AccountSuspendedEvent;
import org.identityledger.events.account.PasswordChangedEvent;
import org.identityledger.events.session.SessionRevocationReason;
import org.springframework.stereotype.Component;

/**
 * When an account is suspended, deactivated or its password changes, every one of its sessions
 * ends: a revocation event in each session's own stream, in the same transaction, so neither a
 * cookie nor a refresh token nor an unexpired access token works on the next request.
 */
@Component
@ProcessingGroup(SessionRevocationPolicy.PROCESSING_GROUP)
public class SessionRevocationPolicy {

    public static final String PROCESSING_GROUP = "session-revocation-policy";

    private final CommandGateway commandGateway;
    private final SessionLookup sessionLookup;

    public SessionRevocationPolicy(CommandGateway commandGateway, SessionLookup sessionLookup) {
        this.commandGateway = commandGateway;
        this.sessionLookup = sessionLookup;
    }

    @EventHandler
    void on(AccountSuspendedEvent event) {
        revokeAllOf(event.accountRef(), SessionRevocationReason.ACCOUNT_SUSPENDED);
    }

    @EventHandler
    void on(AccountDeactivatedEvent event) {
        revokeAllOf(event.accountRef(), SessionRevocationReason.ACCOUNT_DEACTIVATED);
    }

    @EventHandler
    void on(PasswordChangedEvent event) {
        revokeAllOf(event.accountRef(), SessionRevocationReason.PASSWORD_CHANGED);
    }

    private void revokeAllOf(String accountRef, SessionRevocationReason reason) {
        for (String sessionId : sessionLookup.lockAndListLiveSessionIdsOf(accountRef)) {
            commandGateway.sendAndWait(new RevokeSessionCommand(sessionId, reason));
        }
    }
}
