package org.identityledger.events.business;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Staff suspended a business: its business sessions end and its team is frozen. */
@Revision("1")
public record BusinessSuspendedEvent(
        String businessId,
        String actorRef,
        String reason,
        Instant suspendedAt) {
}
