package org.identityledger.query.session;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The hot path: one indexed read per request, one round trip, no transaction, never the event
 * store. Activity is recorded at most once a minute per session, so reads do not turn into writes.
 */
@Component
public class SessionQueryHandler {

    private static final Duration ACTIVITY_RESOLUTION = Duration.ofMinutes(1);
    private static final String LIVE_COLUMNS = "SELECT session_id, account_ref, transport, expires_at, last_seen_at,"
            + " idle_timeout_seconds FROM session_view WHERE revoked_at IS NULL AND ";

    private final SessionViewRepository sessions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SessionQueryHandler(SessionViewRepository sessions, JdbcTemplate jdbc, Clock clock) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    public LiveSession handle(FindLiveSessionQuery query) {
        return live(jdbc.query(LIVE_COLUMNS + "secret_hash = ?", SessionQueryHandler::row, query.secretHash()));
    }

    @QueryHandler
    public LiveSession handle(FindLiveSessionByIdQuery query) {
        return live(jdbc.query(LIVE_COLUMNS + "session_id = ?", SessionQueryHandler::row, query.sessionId()));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public SessionList handle(ListLiveSessionsQuery query) {
        Instant now = clock.instant();
        return new SessionList(sessions.findByAccountRefAndRevokedAtIsNullOrderByStartedAtDesc(query.accountRef()).stream()
                .filter(session -> session.isLiveAt(now))
                .map(session -> new SessionSummary(session.sessionId(), session.transport(), session.deviceName(),
                        session.startedAt(), session.expiresAt()))
                .toList());
    }

    private LiveSession live(List<Row> found) {
        if (found.isEmpty()) {
            return null;
        }
        Row session = found.get(0);
        Instant now = clock.instant();
        if (!now.isBefore(session.expiresAt()) || !now.isBefore(session.lastSeenAt().plusSeconds(session.idleTimeoutSeconds()))) {
            return null;
        }
        Instant touchedBefore = now.minus(ACTIVITY_RESOLUTION);
        if (session.lastSeenAt().isBefore(touchedBefore)) {
            jdbc.update("UPDATE session_view SET last_seen_at = ? WHERE session_id = ? AND last_seen_at < ? AND revoked_at IS NULL",
                    Timestamp.from(now), session.sessionId(), Timestamp.from(touchedBefore));
        }
        return new LiveSession(session.sessionId(), session.accountRef(), session.transport(), session.expiresAt());
    }

    private static Row row(ResultSet row, int index) throws SQLException {
        return new Row(row.getString(1), row.getString(2), row.getString(3), row.getTimestamp(4).toInstant(),
                row.getTimestamp(5).toInstant(), row.getLong(6));
    }

    private record Row(String sessionId, String accountRef, String transport, Instant expiresAt, Instant lastSeenAt,
                       long idleTimeoutSeconds) {
    }
}
