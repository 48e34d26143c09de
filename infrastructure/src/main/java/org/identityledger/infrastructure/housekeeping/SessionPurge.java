package org.identityledger.infrastructure.housekeeping;

import org.identityledger.infrastructure.config.IdentityProperties;
import org.identityledger.query.session.LiveSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Ended sessions (expired, idled out or revoked) leave the session read model and the command-side
 * session lookups once they have been over for identity.session.purge-after; the ledger keeps their
 * events, so history loses nothing and the hot tables stay the size of what is live. Runs in small
 * batches, each one statement (so atomic on its own), never one long transaction holding many locks.
 */
@Component
public class SessionPurge {

    private static final Logger log = LoggerFactory.getLogger(SessionPurge.class);
    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration purgeAfter;

    SessionPurge(JdbcTemplate jdbc, Clock clock, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.purgeAfter = properties.getSession().getPurgeAfter();
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    public void purgeEndedSessions() {
        try {
            int purged;
            int total = 0;
            do {
                purged = purgeBatch();
                total += purged;
            } while (purged == BATCH);
            if (total > 0) {
                log.info("Purged {} ended sessions from the read models", total);
            }
        } catch (RuntimeException failure) {
            log.warn("Could not purge ended sessions: {}", failure.toString());
        }
    }

    /**
     * What this purge does, as a rebuilt copy of session_view must see it: the replay brings back
     * sessions the purge removed long ago. A copy's row goes when the live table no longer has it
     * and it is over now (not live, by the one liveness rule). Judged at now rather than at the
     * purge's own cutoff, so a purge run under another purge-after (or a clock since set back) is
     * no difference; a session still live that the live table lost remains one, as it must. Runs in
     * the caller's transaction.
     */
    public void purgeFromCopy(String copySchema, String liveSchema) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("DELETE FROM " + copySchema + ".session_view WHERE NOT EXISTS (SELECT 1 FROM " + liveSchema
                + ".session_view l WHERE l.session_id = " + copySchema + ".session_view.session_id) AND NOT "
                + LiveSessions.LIVE_AT, now, now);
    }

    /** Ended by (now - purge-after): revoked, expired or idled out at least that long ago. */
    private int purgeBatch() {
        Timestamp endedBefore = Timestamp.from(clock.instant().minus(purgeAfter));
        // The liveness rule's own terms, judged at an earlier instant and with the revocation's instant.
        return jdbc.queryForObject("WITH ended AS (DELETE FROM session_view WHERE session_id IN (SELECT session_id"
                        + " FROM session_view WHERE " + LiveSessions.ENDED_BY + " LIMIT " + BATCH + ") RETURNING session_id),"
                        + " lookups AS (DELETE FROM session_lookup WHERE session_id IN (SELECT session_id FROM ended)),"
                        + " tokens AS (DELETE FROM refresh_token_lookup WHERE session_id IN (SELECT session_id FROM ended))"
                        + " SELECT count(*) FROM ended",
                Integer.class, endedBefore, endedBefore, endedBefore);
    }
}
