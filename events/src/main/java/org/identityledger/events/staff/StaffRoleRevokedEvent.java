package org.identityledger.events.staff;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An admin took a staff role away. */
@Revision("1")
public record StaffRoleRevokedEvent(
        String accountRef,
        StaffRole role,
        String actorRef,
        Instant revokedAt) {
}
