package org.identityledger.query.session;

/**
 * The liveness rule of a session row, written once and used by every read and by the purge: not
 * revoked, before its absolute expiry, and used within its idle timeout. The single parameter is the
 * instant at which liveness is judged.
 */
public final class LiveSessions {

    /** SQL over session_view; bind one TIMESTAMPTZ. */
    public static final String LIVE_AT = "(revoked_at IS NULL AND expires_at > CAST(? AS TIMESTAMPTZ)"
            + " AND last_seen_at + idle_timeout_seconds * INTERVAL '1 second' > CAST(? AS TIMESTAMPTZ))";

    private LiveSessions() {
    }
}
