package org.identityledger.events.session;

import java.time.Duration;
import java.time.Instant;

/**
 * When a session that was not revoked may still act: before its absolute expiry and within its idle
 * timeout since its last activity. The Session aggregate calls this; the read model states the same
 * rule in SQL (query-side LiveSessions) for its indexed lookups, and a test holds the two together.
 */
public final class SessionLiveness {

    private SessionLiveness() {
    }

    public static boolean isLiveAt(Instant now, Instant expiresAt, Instant lastActivity, Duration idleTimeout) {
        return now.isBefore(expiresAt) && now.isBefore(lastActivity.plus(idleTimeout));
    }
}
