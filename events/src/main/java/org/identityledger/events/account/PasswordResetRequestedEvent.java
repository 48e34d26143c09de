package org.identityledger.events.account;

import org.axonframework.serialization.Revision;
import org.identityledger.events.DataSubject;
import org.identityledger.events.SealedSince;
import org.identityledger.events.CredentialData;

import java.time.Instant;

/**
 * A one-time password reset token was issued and mailed; only its SHA-256 hash is recorded. Revision 2
 * stores the marked fields sealed under the subject's data key ({@code SealedFields}); earlier
 * revisions were stored in clear.
 */
@Revision("2")
@SealedSince("2")
public record PasswordResetRequestedEvent(
        @DataSubject String accountRef,
        @CredentialData String tokenHash,
        Instant requestedAt,
        Instant expiresAt,
        String nextPath) {
}
