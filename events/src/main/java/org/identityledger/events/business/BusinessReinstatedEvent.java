package org.identityledger.events.business;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Staff lifted a business's suspension. */
@Revision("1")
public record BusinessReinstatedEvent(
        String businessId,
        String actorRef,
        String reason,
        Instant reinstatedAt) {
}
