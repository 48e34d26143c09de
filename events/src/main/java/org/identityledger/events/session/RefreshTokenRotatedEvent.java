package org.identityledger.events.session;

import org.axonframework.serialization.Revision;
import org.identityledger.events.DataSubject;
import org.identityledger.events.SealedSince;
import org.identityledger.events.CredentialData;

import java.time.Instant;

/**
 * A native session's refresh token was spent and replaced by the next one of its family. Only hashes
 * are recorded; {@code generation} counts rotations from 0 (the token issued at login). Revision 2
 * stores the marked fields sealed under the subject's data key ({@code SealedFields}); earlier
 * revisions were stored in clear.
 */
@Revision("2")
@SealedSince("2")
public record RefreshTokenRotatedEvent(
        String sessionId,
        @DataSubject String accountRef,
        @CredentialData String spentTokenHash,
        @CredentialData String newTokenHash,
        long generation,
        Instant rotatedAt) {
}
