package org.identityledger.events.business;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.identityledger.events.CredentialData;

/** An account accepted an invitation and became a member with the invited role. */
@Revision("1")
public record BusinessMemberJoinedEvent(
        String businessId,
        String invitationId,
        String accountRef,
        BusinessRole role,
        @CredentialData String tokenHash,
        Instant joinedAt) {
}
