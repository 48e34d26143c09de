package org.identityledger.query.session;

/**
 * The liveness rule of a session row ({@link org.identityledger.events.session.SessionLiveness} plus
 * "not revoked") as SQL, written once here and used by every read and by the purge, so that no dead
 * row is ever loaded or listed. SessionLivenessAgreementTest holds it to the Java rule at its edges.
 */
public final class LiveSessions {

    /** The time-based half of the rule: not expired and not idled out at the bound instant (binds it twice). */
    private static final String NOT_TIMED_OUT_AT = "expires_at > CAST(? AS TIMESTAMPTZ)"
            + " AND last_seen_at + idle_timeout_seconds * INTERVAL '1 second' > CAST(? AS TIMESTAMPTZ)";

    /**
     * SQL over session_view; bind one TIMESTAMPTZ twice. A revoked session is dead whatever its
     * revocation instant: were it compared with the bound instant, a clock stepped back by a few
     * milliseconds would revive a session a request has just revoked.
     */
    public static final String LIVE_AT = "(revoked_at IS NULL AND " + NOT_TIMED_OUT_AT + ")";

    /**
     * SQL over session_view: the session had ended by the bound instant (revoked, expired or idled
     * out by then); bind one TIMESTAMPTZ three times. Only the purge asks this, with an instant in the
     * past: unlike liveness now, "over by then" needs the revocation's own instant, or a session
     * logged out a minute ago counts as over for a day.
     */
    public static final String ENDED_BY = "(revoked_at IS NOT NULL AND revoked_at <= CAST(? AS TIMESTAMPTZ) OR NOT (" + NOT_TIMED_OUT_AT + "))";

    private LiveSessions() {
    }
}
