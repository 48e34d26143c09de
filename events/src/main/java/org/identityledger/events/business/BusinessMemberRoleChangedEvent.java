package org.identityledger.events.business;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member's role was changed by another member (the actor). */
@Revision("1")
public record BusinessMemberRoleChangedEvent(
        String businessId,
        String accountRef,
        BusinessRole from,
        BusinessRole to,
        String actorRef,
        Instant changedAt) {
}
