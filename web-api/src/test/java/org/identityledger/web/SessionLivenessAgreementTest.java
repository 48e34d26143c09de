package org.identityledger.web;

import org.identityledger.events.session.SessionLiveness;
import org.identityledger.query.session.LiveSessions;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The session liveness rule has one Java form (the aggregate's) and one SQL form (the read model's): they agree at every edge. */
class SessionLivenessAgreementTest extends IntegrationTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    @ParameterizedTest
    @CsvSource({
            // seconds after start: now, absolute expiry, last activity; idle timeout seconds
            "0, 3600, 0, 1800", "1799, 3600, 0, 1800", "1800, 3600, 0, 1800", "1801, 3600, 0, 1800",
            "3599, 3600, 3000, 1800", "3600, 3600, 3000, 1800", "3601, 3600, 3000, 1800", "10, 5, 0, 1800"})
    void theSqlAndTheJavaFormOfLivenessAgree(long now, long expires, long lastActivity, long idle) {
        Instant at = START.plusSeconds(now);
        boolean java = SessionLiveness.isLiveAt(at, START.plusSeconds(expires), START.plusSeconds(lastActivity),
                Duration.ofSeconds(idle));
        Timestamp atSql = Timestamp.from(at);
        boolean sql = jdbc.queryForObject("SELECT " + LiveSessions.LIVE_AT + " FROM (SELECT CAST(NULL AS TIMESTAMPTZ) AS revoked_at,"
                        + " CAST(? AS TIMESTAMPTZ) AS expires_at, CAST(? AS TIMESTAMPTZ) AS last_seen_at,"
                        + " CAST(? AS BIGINT) AS idle_timeout_seconds) AS row", Boolean.class,
                atSql, atSql, Timestamp.from(START.plusSeconds(expires)), Timestamp.from(START.plusSeconds(lastActivity)), idle);

        assertThat(sql).isEqualTo(java);
    }

    /** The purge's form: ended by an instant means revoked by then, or not live then by the same rule. */
    @ParameterizedTest
    @CsvSource({
            // seconds after start: instant asked, revocation (-1: never), absolute expiry, last activity; idle timeout seconds
            "100, -1, 3600, 0, 1800", "1801, -1, 3600, 0, 1800", "3600, -1, 3600, 3000, 1800",
            "99, 100, 3600, 0, 1800", "100, 100, 3600, 0, 1800", "101, 100, 3600, 0, 1800", "3601, 100, 3600, 0, 1800"})
    void aSessionHadEndedByAnInstantWhenRevokedByThenOrNoLongerLiveThen(long asked, long revoked, long expires,
            long lastActivity, long idle) {
        Instant at = START.plusSeconds(asked);
        boolean java = (revoked >= 0 && revoked <= asked) || !SessionLiveness.isLiveAt(at, START.plusSeconds(expires),
                START.plusSeconds(lastActivity), Duration.ofSeconds(idle));
        Timestamp atSql = Timestamp.from(at);
        boolean sql = jdbc.queryForObject("SELECT " + LiveSessions.ENDED_BY + " FROM (SELECT CAST(? AS TIMESTAMPTZ) AS revoked_at,"
                        + " CAST(? AS TIMESTAMPTZ) AS expires_at, CAST(? AS TIMESTAMPTZ) AS last_seen_at,"
                        + " CAST(? AS BIGINT) AS idle_timeout_seconds) AS row", Boolean.class,
                atSql, atSql, atSql, revoked < 0 ? null : Timestamp.from(START.plusSeconds(revoked)),
                Timestamp.from(START.plusSeconds(expires)), Timestamp.from(START.plusSeconds(lastActivity)), idle);

        assertThat(sql).isEqualTo(java);
    }
}
