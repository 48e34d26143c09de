package org.identityledger.events.account;

import org.axonframework.serialization.Revision;
import org.identityledger.events.CredentialData;

import java.time.Instant;

/** The account's email was proven by redeeming the token with this hash; the account is active. */
@Revision("1")
public record EmailVerifiedEvent(
        String accountRef,
        @CredentialData String tokenHash,
        Instant verifiedAt) {
}
