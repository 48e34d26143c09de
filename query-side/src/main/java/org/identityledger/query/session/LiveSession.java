package org.identityledger.query.session;

import org.identityledger.events.session.SessionContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A session that may act right now, when it was last seen doing so (to a minute), and the context
 * it was opened for ({@code businessId} only for a business session; {@code staffRoles}, read live,
 * only for a staff session), and how long it may stay idle.
 */
public record LiveSession(String sessionId, String accountRef, String transport, Instant expiresAt, Instant lastSeenAt,
                          SessionContext context, String businessId, List<String> staffRoles, Duration idleTimeout) {

    /** The same session, seen active at {@code at} (its last activity was recorded then). */
    public LiveSession seenAt(Instant at) {
        return new LiveSession(sessionId, accountRef, transport, expiresAt, at, context, businessId, staffRoles, idleTimeout);
    }

}
