package org.identityledger.command.session;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.identityledger.events.session.RefreshTokenRotatedEvent;
import org.identityledger.events.session.SessionContext;
import org.identityledger.events.session.SessionLiveness;
import org.identityledger.events.session.SessionRevocationReason;
import org.identityledger.events.session.SessionRevokedEvent;
import org.identityledger.events.session.SessionStartedEvent;
import org.identityledger.events.session.SessionTransport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One sign-in, from start to expiry or revocation. A native session also owns its refresh-token
 * family: the current token's hash and the rule that presenting a spent one (RFC 9700 §4.14.2)
 * ends the whole session. Which hashes belong to the family is the command-side refresh token
 * lookup's job (written with these events), so the aggregate stays small however often it
 * rotates; long-lived sessions are snapshotted and live ones cached, so loading them stays cheap.
 * The snapshot's shape is this class's fields: change them and bump {@code @Revision}, and Axon
 * ignores the stale snapshots (its revision snapshot filter) and replays the events instead.
 */
@Revision("2")
@Aggregate(snapshotTriggerDefinition = "sessionSnapshotTrigger", cache = "sessionCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Session {

    @AggregateIdentifier
    private String sessionId;
    private String accountRef;
    private SessionTransport transport;
    private SessionContext context;
    private String businessId;
    private String currentRefreshHash;
    private long generation;
    private Instant expiresAt;
    private Duration idleTimeout;
    private Instant lastActivity;
    private boolean revoked;

    protected Session() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Session(StartSessionCommand command, SessionStartGuard guard) {
        if (!command.expiresAt().isAfter(command.startedAt())) {
            throw new IllegalArgumentException("a session must expire after it starts");
        }
        // The password was checked outside any transaction; here, under the account's lock, the
        // account must still be allowed to sign in and the checked credential must still be current.
        // The same lock covers the context: the membership or staff grant it needs must still hold.
        guard.confirm(command.accountRef(), command.credentialVersion(), command.scope());
        apply(new SessionStartedEvent(command.sessionId(), command.accountRef(), command.transport(),
                command.secretHash(), command.deviceName(), command.startedAt(), command.expiresAt(),
                command.idleTimeout(), command.scope().context(), command.scope().businessId()));
    }

    /** The caller presents only hashes the lookup found in this session's family: not current means spent. */
    @CommandHandler
    public RefreshResult handle(RefreshSessionCommand command, Clock clock) {
        Instant now = clock.instant();
        if (transport != SessionTransport.NATIVE) {
            return new RefreshResult(RefreshOutcome.REVOKED, expiresAt, scope());
        }
        if (!command.presentedTokenHash().equals(currentRefreshHash)) {
            if (!revoked) {
                apply(new SessionRevokedEvent(sessionId, accountRef, SessionRevocationReason.REFRESH_TOKEN_REUSED, now));
            }
            return new RefreshResult(RefreshOutcome.REUSED, expiresAt, scope());
        }
        if (revoked) {
            return new RefreshResult(RefreshOutcome.REVOKED, expiresAt, scope());
        }
        if (!SessionLiveness.isLiveAt(now, expiresAt, lastActivity, idleTimeout)) {
            return new RefreshResult(RefreshOutcome.EXPIRED, expiresAt, scope());
        }
        apply(new RefreshTokenRotatedEvent(sessionId, accountRef, currentRefreshHash, command.newTokenHash(),
                generation + 1, now));
        return new RefreshResult(RefreshOutcome.ROTATED, expiresAt, scope());
    }

    /**
     * A refresh token turned up where it does not belong (as a browser cookie). A spent one is reuse
     * wherever it appears (RFC 9700 §4.14.2): the session ends. The current one is merely refused.
     */
    @CommandHandler
    public void handle(RejectMisplacedRefreshTokenCommand command, Clock clock) {
        if (!revoked && transport == SessionTransport.NATIVE && !command.presentedTokenHash().equals(currentRefreshHash)) {
            apply(new SessionRevokedEvent(sessionId, accountRef, SessionRevocationReason.REFRESH_TOKEN_REUSED, clock.instant()));
        }
    }

    @CommandHandler
    public void handle(RevokeSessionCommand command, Clock clock) {
        if (revoked) {
            return;
        }
        apply(new SessionRevokedEvent(sessionId, accountRef, command.reason(), clock.instant()));
    }

    /** Sessions started before contexts existed were customer sessions (their upcast events say so). */
    private SessionScope scope() {
        return context == null || context == SessionContext.CUSTOMER ? SessionScope.customer()
                : context == SessionContext.STAFF ? SessionScope.staff() : SessionScope.business(businessId);
    }

    @EventSourcingHandler
    void on(SessionStartedEvent event) {
        sessionId = event.sessionId();
        accountRef = event.accountRef();
        transport = event.transport();
        context = event.context();
        businessId = event.businessId();
        currentRefreshHash = event.transport() == SessionTransport.NATIVE ? event.secretHash() : null;
        expiresAt = event.expiresAt();
        idleTimeout = event.idleTimeout();
        lastActivity = event.startedAt();
    }

    @EventSourcingHandler
    void on(RefreshTokenRotatedEvent event) {
        currentRefreshHash = event.newTokenHash();
        generation = event.generation();
        lastActivity = event.rotatedAt();
    }

    @EventSourcingHandler
    void on(SessionRevokedEvent event) {
        revoked = true;
    }
}
