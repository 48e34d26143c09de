package org.identityledger.command.session;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.identityledger.events.session.SessionRevokedEvent;
import org.identityledger.events.session.SessionStartedEvent;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One sign-in, from start to expiry or revocation. */
@Aggregate
public class Session {

    @AggregateIdentifier
    private String sessionId;
    private String accountRef;
    private boolean revoked;

    protected Session() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Session(StartSessionCommand command) {
        if (!command.expiresAt().isAfter(command.startedAt())) {
            throw new IllegalArgumentException("a session must expire after it starts");
        }
        apply(new SessionStartedEvent(command.sessionId(), command.accountRef(), command.transport(),
                command.secretHash(), command.deviceName(), command.startedAt(), command.expiresAt(),
                command.idleTimeout()));
    }

    @CommandHandler
    public void handle(RevokeSessionCommand command, Clock clock) {
        if (revoked) {
            return;
        }
        apply(new SessionRevokedEvent(sessionId, accountRef, command.reason(), clock.instant()));
    }

    @EventSourcingHandler
    void on(SessionStartedEvent event) {
        sessionId = event.sessionId();
        accountRef = event.accountRef();
    }

    @EventSourcingHandler
    void on(SessionRevokedEvent event) {
        revoked = true;
    }
}
