package org.identityledger.events.business;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.identityledger.events.DataSubject;
import org.identityledger.events.SealedSince;
import org.identityledger.events.CredentialData;

/**
 * An account accepted an invitation and became a member with the invited role. Revision 2 stores the
 * marked fields sealed under the subject's data key ({@code SealedFields}); earlier revisions were
 * stored in clear.
 */
@Revision("2")
@SealedSince("2")
public record BusinessMemberJoinedEvent(
        String businessId,
        String invitationId,
        @DataSubject String accountRef,
        BusinessRole role,
        @CredentialData String tokenHash,
        Instant joinedAt) {
}
