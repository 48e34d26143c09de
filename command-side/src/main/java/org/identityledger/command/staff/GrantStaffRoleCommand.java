package org.identityledger.command.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.identityledger.events.staff.StaffRole;

/** An admin grants a staff role. */
public record GrantStaffRoleCommand(
        @TargetAggregateIdentifier String rosterId,
        String accountRef,
        StaffRole role,
        String actorRef) {
}
