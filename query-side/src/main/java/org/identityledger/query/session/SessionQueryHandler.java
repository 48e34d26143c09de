package org.identityledger.query.session;

import org.axonframework.queryhandling.QueryHandler;
import org.identityledger.events.session.SessionTransport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The hot path: one indexed read per request, one round trip, no transaction, never the event
 * store. Activity is recorded at most once a minute per session, so reads do not turn into writes.
 * Liveness is {@link LiveSessions#LIVE_AT}, judged in SQL, so no dead row is ever shipped or listed.
 */
@Component
public class SessionQueryHandler {

    private static final Duration ACTIVITY_RESOLUTION = Duration.ofMinutes(1);
    private static final String LIVE_COLUMNS = "SELECT session_id, account_ref, transport, expires_at, last_seen_at"
            + " FROM session_view WHERE " + LiveSessions.LIVE_AT + " AND ";
    private static final String SUMMARY_COLUMNS = "SELECT session_id, transport, device_name, started_at, expires_at"
            + " FROM session_view WHERE " + LiveSessions.LIVE_AT + " AND account_ref = ?";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SessionQueryHandler(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Only browser sessions have a cookie secret; native rows carry none (see SessionProjection). */
    @QueryHandler
    public LiveSession handle(FindLiveSessionQuery query) {
        Timestamp now = Timestamp.from(clock.instant());
        return live(jdbc.query(LIVE_COLUMNS + "secret_hash = ? AND transport = ?", SessionQueryHandler::row,
                now, now, query.secretHash(), SessionTransport.BROWSER.wireName()));
    }

    @QueryHandler
    public LiveSession handle(FindLiveSessionByIdQuery query) {
        Timestamp now = Timestamp.from(clock.instant());
        return live(jdbc.query(LIVE_COLUMNS + "session_id = ?", SessionQueryHandler::row, now, now, query.sessionId()));
    }

    @QueryHandler
    public Boolean handle(IsLiveSessionOfQuery query) {
        Timestamp now = Timestamp.from(clock.instant());
        return !jdbc.queryForList("SELECT 1 FROM session_view WHERE " + LiveSessions.LIVE_AT
                + " AND account_ref = ? AND session_id = ?", Integer.class, now, now, query.accountRef(), query.sessionId()).isEmpty();
    }

    /** Keyset pagination: one page plus one row to know whether more follow, whatever the account holds. */
    @QueryHandler
    public SessionList handle(ListLiveSessionsQuery query) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object> arguments = new ArrayList<>(List.of(now, now, query.accountRef()));
        String sql = SUMMARY_COLUMNS;
        if (query.after() != null) {
            sql += " AND (started_at, session_id) < (?, ?)";
            arguments.add(Timestamp.from(query.after().startedAt()));
            arguments.add(query.after().sessionId());
        }
        sql += " ORDER BY started_at DESC, session_id DESC LIMIT ?";
        arguments.add(query.limit() + 1);
        List<SessionSummary> found = jdbc.query(sql, (row, index) -> new SessionSummary(row.getString(1), row.getString(2),
                row.getString(3), row.getTimestamp(4).toInstant(), row.getTimestamp(5).toInstant()), arguments.toArray());
        boolean hasMore = found.size() > query.limit();
        return new SessionList(hasMore ? found.subList(0, query.limit()) : found, hasMore);
    }

    private LiveSession live(List<Row> found) {
        if (found.isEmpty()) {
            return null;
        }
        Row session = found.get(0);
        Instant now = clock.instant();
        Instant touchedBefore = now.minus(ACTIVITY_RESOLUTION);
        if (session.lastSeenAt().isBefore(touchedBefore)) {
            jdbc.update("UPDATE session_view SET last_seen_at = ? WHERE session_id = ? AND last_seen_at < ? AND revoked_at IS NULL",
                    Timestamp.from(now), session.sessionId(), Timestamp.from(touchedBefore));
        }
        return new LiveSession(session.sessionId(), session.accountRef(), session.transport(), session.expiresAt());
    }

    private static Row row(ResultSet row, int index) throws SQLException {
        return new Row(row.getString(1), row.getString(2), row.getString(3), row.getTimestamp(4).toInstant(),
                row.getTimestamp(5).toInstant());
    }

    private record Row(String sessionId, String accountRef, String transport, Instant expiresAt, Instant lastSeenAt) {
    }
}
