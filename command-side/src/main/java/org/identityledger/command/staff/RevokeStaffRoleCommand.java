package org.identityledger.command.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.identityledger.events.staff.StaffRole;

/** An admin takes a staff role away. */
public record RevokeStaffRoleCommand(
        @TargetAggregateIdentifier String rosterId,
        String accountRef,
        StaffRole role,
        String actorRef) {
}
