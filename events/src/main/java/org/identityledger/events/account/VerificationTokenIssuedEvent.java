package org.identityledger.events.account;

import org.axonframework.serialization.Revision;
import org.identityledger.events.DataSubject;
import org.identityledger.events.SealedSince;
import org.identityledger.events.CredentialData;

import java.time.Instant;

/**
 * A one-time email verification token was issued and mailed; only its SHA-256 hash is recorded.
 * {@code nextPath} is the sanitised same-site path the person returns to after verifying. Revision 2
 * stores the marked fields sealed under the subject's data key ({@code SealedFields}); earlier
 * revisions were stored in clear.
 */
@Revision("2")
@SealedSince("2")
public record VerificationTokenIssuedEvent(
        @DataSubject String accountRef,
        @CredentialData String tokenHash,
        Instant issuedAt,
        Instant expiresAt,
        String nextPath) {
}
