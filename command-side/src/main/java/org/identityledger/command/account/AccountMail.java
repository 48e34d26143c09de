package org.identityledger.command.account;

import java.time.Instant;

/**
 * An email carrying a one-time link, waiting to be written to the outbox. It carries the raw token,
 * which is why it only ever goes to the outbox row (deleted on delivery) and never to an event.
 */
public record AccountMail(
        Purpose purpose,
        String accountRef,
        String email,
        String displayName,
        String rawToken,
        Instant expiresAt,
        LinkTarget link) {

    public enum Purpose {
        EMAIL_VERIFICATION,
        PASSWORD_RESET
    }

    @Override
    public String toString() {
        return "AccountMail[purpose=" + purpose + ", accountRef=" + accountRef + "]";
    }
}
