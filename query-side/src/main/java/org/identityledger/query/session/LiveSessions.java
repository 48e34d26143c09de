package org.identityledger.query.session;

/**
 * The liveness rule of a session row ({@link org.identityledger.events.session.SessionLiveness} plus
 * "not revoked") as SQL, written once here and used by every read and by the purge, so that no dead
 * row is ever loaded or listed. SessionLivenessAgreementTest holds it to the Java rule at its edges.
 */
public final class LiveSessions {

    /** SQL over session_view; bind one TIMESTAMPTZ. */
    public static final String LIVE_AT = "(revoked_at IS NULL AND expires_at > CAST(? AS TIMESTAMPTZ)"
            + " AND last_seen_at + idle_timeout_seconds * INTERVAL '1 second' > CAST(? AS TIMESTAMPTZ))";

    private LiveSessions() {
    }
}
