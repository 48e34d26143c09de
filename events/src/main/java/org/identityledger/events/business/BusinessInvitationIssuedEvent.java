package org.identityledger.events.business;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.identityledger.events.DataSubject;
import org.identityledger.events.SealedSince;
import org.identityledger.events.CredentialData;
import org.identityledger.events.PersonalData;

/**
 * Someone was invited to a business by email; only the SHA-256 of the one-time token is kept. Revision
 * 2 stores the marked fields sealed under the subject's data key ({@code SealedFields}); earlier
 * revisions were stored in clear.
 */
@Revision("2")
@SealedSince("2")
public record BusinessInvitationIssuedEvent(
        String businessId,
        @DataSubject String invitationId,
        @PersonalData String email,
        BusinessRole role,
        @CredentialData String tokenHash,
        String actorRef,
        Instant issuedAt,
        Instant expiresAt) {
}
