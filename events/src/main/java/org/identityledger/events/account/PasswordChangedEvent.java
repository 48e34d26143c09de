package org.identityledger.events.account;

import org.axonframework.serialization.Revision;
import org.identityledger.events.CredentialData;

import java.time.Instant;

/**
 * The account's password was replaced (by redeeming the reset token with {@code resetTokenHash});
 * every session of the account ends with it. Revision 2 carries no password hash (see
 * {@link AccountRegisteredEvent}).
 */
@Revision("2")
public record PasswordChangedEvent(
        String accountRef,
        @CredentialData String resetTokenHash,
        Instant changedAt) {
}
