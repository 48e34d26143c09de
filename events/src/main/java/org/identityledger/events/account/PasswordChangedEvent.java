package org.identityledger.events.account;

import org.axonframework.serialization.Revision;
import org.identityledger.events.DataSubject;
import org.identityledger.events.SealedSince;
import org.identityledger.events.CredentialData;

import java.time.Instant;

/**
 * The account's password was replaced (by redeeming the reset token with {@code resetTokenHash});
 * every session of the account ends with it. Revision 2 carries no password hash (see {@link
 * AccountRegisteredEvent}). Revision 3 stores the marked fields sealed under the subject's data key
 * ({@code SealedFields}); earlier revisions were stored in clear.
 */
@Revision("3")
@SealedSince("3")
public record PasswordChangedEvent(
        @DataSubject String accountRef,
        @CredentialData String resetTokenHash,
        Instant changedAt) {
}
