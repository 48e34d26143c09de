package org.identityledger.events.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The session ended before its expiry; it is refused from the next request on. */
@Revision("1")
public record SessionRevokedEvent(
        String sessionId,
        String accountRef,
        SessionRevocationReason reason,
        Instant revokedAt) {
}
