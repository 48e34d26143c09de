package org.identityledger.events.session;

import org.axonframework.serialization.Revision;
import org.identityledger.events.DataSubject;
import org.identityledger.events.SealedSince;
import org.identityledger.events.CredentialData;
import org.identityledger.events.PersonalData;

import java.time.Duration;
import java.time.Instant;

/**
 * Someone signed in. The session secret (cookie value) is recorded only as its SHA-256 hash; {@code
 * sessionId} is the public handle that may be shown and listed. Revision 2 added the {@code context}
 * the session was opened for and, for a business session, its {@code businessId}; revision 1 sessions
 * were all customer sessions ({@code SessionContextUpcaster}). Revision 3 stores the marked fields
 * sealed under the subject's data key ({@code SealedFields}); earlier revisions were stored in clear.
 */
@Revision("3")
@SealedSince("3")
public record SessionStartedEvent(
        String sessionId,
        @DataSubject String accountRef,
        SessionTransport transport,
        @CredentialData String secretHash,
        @PersonalData String deviceName,
        Instant startedAt,
        Instant expiresAt,
        Duration idleTimeout,
        SessionContext context,
        String businessId) {
}
