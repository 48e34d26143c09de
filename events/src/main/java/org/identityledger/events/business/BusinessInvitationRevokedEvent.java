package org.identityledger.events.business;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An open invitation was withdrawn before anyone accepted it. */
@Revision("1")
public record BusinessInvitationRevokedEvent(
        String businessId,
        String invitationId,
        String actorRef,
        Instant revokedAt) {
}
