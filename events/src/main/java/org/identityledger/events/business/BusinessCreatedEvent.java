package org.identityledger.events.business;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A business (a dealer, a vendor) was created; its creator is its first owner. */
@Revision("1")
public record BusinessCreatedEvent(
        String businessId,
        String handle,
        String name,
        String ownerAccountRef,
        Instant createdAt) {
}
