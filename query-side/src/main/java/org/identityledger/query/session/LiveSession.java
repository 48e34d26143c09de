package org.identityledger.query.session;

import java.time.Instant;

/** A session that may act right now, and when it was last seen doing so (to a minute). */
public record LiveSession(String sessionId, String accountRef, String transport, Instant expiresAt, Instant lastSeenAt) {
}
