package org.identityledger.query.session;

import org.axonframework.queryhandling.QueryHandler;
import org.identityledger.events.session.SessionContext;
import org.identityledger.events.session.SessionTransport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The hot path: one indexed read per request, one round trip, no transaction, never the event
 * store, never a write (activity is {@link SessionActivity}'s). Liveness is {@link LiveSessions#LIVE_AT},
 * judged in SQL, so no dead row is ever shipped or listed.
 */
@Component
public class SessionQueryHandler {

    private static final String LIVE_COLUMNS = "SELECT session_id, account_ref, transport, expires_at, last_seen_at, context, business_id,"
            // A staff session's roles come with it (in the same read), so a revoked role is refused on the next request.
            + " CASE WHEN context = 'staff' THEN (SELECT array_agg(g.role ORDER BY g.role) FROM staff_grant_view g"
            + " WHERE g.account_ref = session_view.account_ref) END, idle_timeout_seconds"
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
        return live(jdbc.query(LIVE_COLUMNS + "secret_hash = ? AND transport = ? AND context = ?", SessionQueryHandler::row,
                now, now, query.secretHash(), SessionTransport.BROWSER.wireName(), query.context().wireName()));
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

    private static LiveSession live(List<LiveSession> found) {
        return found.isEmpty() ? null : found.get(0);
    }

    private static LiveSession row(ResultSet row, int index) throws SQLException {
        return new LiveSession(row.getString(1), row.getString(2), row.getString(3), row.getTimestamp(4).toInstant(),
                row.getTimestamp(5).toInstant(), SessionContext.fromWireName(row.getString(6)).orElseThrow(), row.getString(7),
                staffRoles(row.getArray(8)), java.time.Duration.ofSeconds(row.getLong(9)));
    }

    private static java.util.List<String> staffRoles(java.sql.Array roles) throws SQLException {
        return roles == null ? java.util.List.of() : java.util.List.of((String[]) roles.getArray());
    }
}
