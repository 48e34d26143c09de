package org.identityledger.events.account;

import org.axonframework.serialization.Revision;
import org.identityledger.events.DataSubject;
import org.identityledger.events.SealedSince;
import org.identityledger.events.CredentialData;

import java.time.Instant;

/**
 * The account's email was proven by redeeming the token with this hash; the account is active.
 * Revision 2 stores the marked fields sealed under the subject's data key ({@code SealedFields});
 * earlier revisions were stored in clear.
 */
@Revision("2")
@SealedSince("2")
public record EmailVerifiedEvent(
        @DataSubject String accountRef,
        @CredentialData String tokenHash,
        Instant verifiedAt) {
}
