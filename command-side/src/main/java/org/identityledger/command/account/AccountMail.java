package org.identityledger.command.account;

import java.time.Instant;

/**
 * An email waiting to be written to the outbox: a one-time link (it carries the raw token, which is
 * why it only ever goes to the outbox row, deleted on delivery, and never to an event), or a security
 * notice without any token or link.
 */
public record AccountMail(
        Purpose purpose,
        String accountRef,
        String email,
        String displayName,
        String rawToken,
        Instant expiresAt,
        LinkTarget link,
        String businessHandle) {

    public enum Purpose {
        EMAIL_VERIFICATION,
        PASSWORD_RESET,
        /** ASVS V6.3.7: the owner learns of a password change even if someone else made it. */
        PASSWORD_CHANGED,
        /** An invitation to a business team; the address may not have an account yet. */
        BUSINESS_INVITATION
    }

    /**
     * Names the business by its handle only ([a-z0-9-]): the display name is free text its owner chose,
     * and mail to an address that never asked for it must not carry a stranger's words.
     */
    public static AccountMail businessInvitation(String email, String rawToken, Instant expiresAt, String businessHandle) {
        return new AccountMail(Purpose.BUSINESS_INVITATION, null, email, null, rawToken, expiresAt, new LinkTarget("/", null),
                businessHandle);
    }

    public static AccountMail passwordChanged(String accountRef, String email) {
        return new AccountMail(Purpose.PASSWORD_CHANGED, accountRef, email, null, null, null, null, null);
    }

    public boolean hasLink() {
        return rawToken != null;
    }

    @Override
    public String toString() {
        return "AccountMail[purpose=" + purpose + ", accountRef=" + accountRef + "]";
    }
}
