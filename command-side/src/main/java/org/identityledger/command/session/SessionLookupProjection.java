package org.identityledger.command.session;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.identityledger.events.session.RefreshTokenRotatedEvent;
import org.identityledger.events.session.SessionRevokedEvent;
import org.identityledger.events.session.SessionStartedEvent;
import org.identityledger.events.session.SessionTransport;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Keeps the command side's session lookups in the events' own transaction: every refresh token hash
 * of a family (so a spent one is recognised), and each account's live sessions (so a policy can
 * revoke them).
 */
@Component
@ProcessingGroup(SessionLookupProjection.PROCESSING_GROUP)
public class SessionLookupProjection {

    public static final String PROCESSING_GROUP = "session-lookup";

    /** Sends these statements with the other projections' for the same event (refresh, sign-in): nothing here reads a count. */
    private static final String BATCHED_PER_EVENT = "batchedPerEvent";

    private final JdbcTemplate jdbc;

    public SessionLookupProjection(@Qualifier(BATCHED_PER_EVENT) JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SessionStartedEvent event) {
        jdbc.update("INSERT INTO session_lookup (session_id, account_ref, transport, revoked, started_at, expires_at,"
                        + " context, business_id) VALUES (?, ?, ?, false, ?, ?, ?, ?)", event.sessionId(), event.accountRef(),
                event.transport().wireName(), Timestamp.from(event.startedAt()), Timestamp.from(event.expiresAt()),
                event.context().wireName(), event.businessId());
        if (event.transport() == SessionTransport.NATIVE) {
            rememberRefreshToken(event.secretHash(), event.sessionId(), event.accountRef());
        }
    }

    @EventHandler
    void on(RefreshTokenRotatedEvent event) {
        rememberRefreshToken(event.newTokenHash(), event.sessionId(), event.accountRef());
    }

    @EventHandler
    void on(SessionRevokedEvent event) {
        jdbc.update("UPDATE session_lookup SET revoked = true WHERE session_id = ?", event.sessionId());
    }

    private void rememberRefreshToken(String tokenHash, String sessionId, String accountRef) {
        jdbc.update("INSERT INTO refresh_token_lookup (token_hash, session_id, account_ref) VALUES (?, ?, ?)",
                tokenHash, sessionId, accountRef);
    }
}
