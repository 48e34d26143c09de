package org.identityledger.events.account;

import org.axonframework.serialization.Revision;
import org.identityledger.events.DataSubject;
import org.identityledger.events.SealedSince;
import org.identityledger.events.PersonalData;

import java.time.Instant;

/**
 * A person signed up; the account waits for its email to be verified. Revision 2 carries no password
 * hash: credentials live in the command side's credential table, never in the ledger (revision 1
 * events are read through {@link org.identityledger.events.upcasting.PasswordHashRemovingUpcaster}).
 * Revision 3 stores the marked fields sealed under the subject's data key ({@code SealedFields});
 * earlier revisions were stored in clear.
 */
@Revision("3")
@SealedSince("3")
public record AccountRegisteredEvent(
        @DataSubject String accountRef,
        @PersonalData String email,
        @PersonalData String displayName,
        Instant registeredAt) {
}
