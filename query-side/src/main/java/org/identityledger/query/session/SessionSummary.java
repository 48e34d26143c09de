package org.identityledger.query.session;

import java.time.Instant;

/** One session as its holder may see it: no secret, no hash. */
public record SessionSummary(String sessionId, String transport, String deviceName, Instant createdAt,
                             Instant expiresAt) {
}
