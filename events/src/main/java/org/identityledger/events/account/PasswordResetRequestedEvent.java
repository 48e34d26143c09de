package org.identityledger.events.account;

import org.axonframework.serialization.Revision;
import org.identityledger.events.CredentialData;

import java.time.Instant;

/** A one-time password reset token was issued and mailed; only its SHA-256 hash is recorded. */
@Revision("1")
public record PasswordResetRequestedEvent(
        String accountRef,
        @CredentialData String tokenHash,
        Instant requestedAt,
        Instant expiresAt,
        String nextPath) {
}
