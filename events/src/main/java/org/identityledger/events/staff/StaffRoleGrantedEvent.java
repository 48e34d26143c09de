package org.identityledger.events.staff;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An account received a staff role, from an admin or, for the first admin, from the bootstrap setting (actor "bootstrap"). */
@Revision("1")
public record StaffRoleGrantedEvent(
        String accountRef,
        StaffRole role,
        String actorRef,
        Instant grantedAt) {
}
