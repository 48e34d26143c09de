package org.identityledger.events.business;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member was removed, by another member or by leaving (then the actor is the member). */
@Revision("1")
public record BusinessMemberRemovedEvent(
        String businessId,
        String accountRef,
        String actorRef,
        Instant removedAt) {
}
