package org.identityledger.events.account;

import org.axonframework.serialization.Revision;
import org.identityledger.events.CredentialData;

import java.time.Instant;

/**
 * A one-time email verification token was issued and mailed; only its SHA-256 hash is recorded.
 * {@code nextPath} is the sanitised same-site path the person returns to after verifying.
 */
@Revision("1")
public record VerificationTokenIssuedEvent(
        String accountRef,
        @CredentialData String tokenHash,
        Instant issuedAt,
        Instant expiresAt,
        String nextPath) {
}
