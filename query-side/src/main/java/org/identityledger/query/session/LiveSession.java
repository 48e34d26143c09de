package org.identityledger.query.session;

import org.identityledger.events.session.SessionContext;

import java.time.Instant;
import java.util.List;

/**
 * A session that may act right now, when it was last seen doing so (to a minute), and the context
 * it was opened for ({@code businessId} only for a business session; {@code staffRoles}, read live,
 * only for a staff session).
 */
public record LiveSession(String sessionId, String accountRef, String transport, Instant expiresAt, Instant lastSeenAt,
                          SessionContext context, String businessId, List<String> staffRoles) {
}
