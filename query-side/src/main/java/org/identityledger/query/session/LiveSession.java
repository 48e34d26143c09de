package org.identityledger.query.session;

import java.time.Instant;

/** A session that may act right now. */
public record LiveSession(String sessionId, String accountRef, String transport, Instant expiresAt) {
}
