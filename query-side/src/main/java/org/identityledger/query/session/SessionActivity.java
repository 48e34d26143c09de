package org.identityledger.query.session;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Records that a live session was used, for its idle timeout: at most once a minute per session, so
 * reads do not turn into writes. Operational state of the read model, not a ledger fact; kept apart
 * from the query handlers so that answering a query never writes.
 */
@Component
public class SessionActivity {

    static final Duration RESOLUTION = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SessionActivity(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether this session's use now should be written down (its last recorded activity is a minute old). */
    public boolean isDue(LiveSession session, Instant now) {
        return session.lastSeenAt().isBefore(now.minus(RESOLUTION));
    }

    /** The session as seen now: recorded when due, unchanged otherwise. */
    public LiveSession record(LiveSession session) {
        Instant now = clock.instant();
        if (!isDue(session, now)) {
            return session;
        }
        writeDown(session, now);
        return session.seenAt(now);
    }

    /**
     * Records a due use of a session read earlier, unless the read model no longer holds it as
     * unrevoked with an activity a minute old (revoked meanwhile, or its use recorded by another
     * instance): the session as seen now, or null where the caller must read it again.
     */
    public LiveSession recordIfUnchanged(LiveSession session) {
        Instant now = clock.instant();
        return writeDown(session, now) ? session.seenAt(now) : null;
    }

    private boolean writeDown(LiveSession session, Instant now) {
        return jdbc.update("UPDATE session_view SET last_seen_at = ? WHERE session_id = ? AND last_seen_at < ? AND revoked_at IS NULL",
                Timestamp.from(now), session.sessionId(), Timestamp.from(now.minus(RESOLUTION))) == 1;
    }
}
