package org.identityledger.command.account;

import java.time.Instant;

/**
 * A verification email waiting to be written to the outbox. It carries the raw token, which is why
 * it only ever goes to the outbox row (deleted on delivery) and never to an event.
 */
public record VerificationMail(
        String accountRef,
        String email,
        String displayName,
        String rawToken,
        Instant expiresAt,
        VerificationLink link) {

    @Override
    public String toString() {
        return "VerificationMail[accountRef=" + accountRef + "]";
    }
}
