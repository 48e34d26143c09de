package org.identityledger.query.session;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.session.RefreshTokenRotatedEvent;
import org.identityledger.events.session.SessionRevokedEvent;
import org.identityledger.events.session.SessionStartedEvent;
import org.identityledger.events.session.SessionTransport;
import org.identityledger.events.account.AccountErasedEvent;
import org.identityledger.events.sealing.SealedFields;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Locale;

/**
 * Projects sessions into session_view in the events' own transaction: a logout or any other
 * revocation (suspension, password change, refresh-token reuse) is refused from the very next
 * request on. Plain SQL statements rather than entity loads: this projection runs on every sign-in
 * and every refresh, and statement order must hold within one replay transaction.
 */
@Component
@ProcessingGroup(SessionProjection.PROCESSING_GROUP)
public class SessionProjection {

    public static final String PROCESSING_GROUP = "session-view";

    /** Infrastructure's template sending one event's statements in one round trip: no handler here reads an update count. */
    private static final String BATCHED_PER_EVENT = "batchedPerEvent";

    private final JdbcTemplate jdbc;

    SessionProjection(@Qualifier(BATCHED_PER_EVENT) JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The same handlers writing through another template: a rebuild's, which batches its statements into a shadow copy. */
    public static SessionProjection writingThrough(JdbcTemplate jdbc) {
        return new SessionProjection(jdbc);
    }

    /**
     * Only a browser session has a cookie secret. A native session's secret is the first refresh
     * token of its family, which must never open a session as a cookie: its row has no secret hash.
     */
    @EventHandler
    void on(SessionStartedEvent event) {
        String cookieSecretHash = event.transport() == SessionTransport.BROWSER ? event.secretHash() : null;
        jdbc.update("INSERT INTO session_view (session_id, secret_hash, account_ref, transport, device_name, started_at,"
                        + " expires_at, idle_timeout_seconds, last_seen_at, context, business_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.sessionId(), cookieSecretHash, event.accountRef(), event.transport().wireName(), event.deviceName(),
                Timestamp.from(event.startedAt()), Timestamp.from(event.expiresAt()), event.idleTimeout().toSeconds(),
                Timestamp.from(event.startedAt()), event.context().wireName(), event.businessId());
    }

    @EventHandler
    void on(SessionRevokedEvent event) {
        jdbc.update("UPDATE session_view SET revoked_at = ?, revocation_reason = ? WHERE session_id = ? AND revoked_at IS NULL",
                Timestamp.from(event.revokedAt()), event.reason().name().toLowerCase(Locale.ROOT), event.sessionId());
    }

    @EventHandler
    void on(RefreshTokenRotatedEvent event) {
        Timestamp rotatedAt = Timestamp.from(event.rotatedAt());
        jdbc.update("UPDATE session_view SET last_seen_at = ? WHERE session_id = ? AND last_seen_at < ?",
                rotatedAt, event.sessionId(), rotatedAt);
    }

    /**
     * An erased account's sessions (all revoked by then) keep their dates for the record, not the
     * device names, nor the cookie secrets' hashes (a replay reads those as erased too).
     */
    @EventHandler
    void on(AccountErasedEvent event) {
        jdbc.update("UPDATE session_view SET device_name = CASE WHEN device_name IS NULL THEN NULL ELSE ? END, secret_hash = NULL"
                + " WHERE account_ref = ?", SealedFields.ERASED, event.accountRef());
    }
}
