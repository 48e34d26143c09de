package org.identityledger.command.business;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.identityledger.events.business.BusinessRole;

/** Give a member another role. */
public record ChangeMemberRoleCommand(
        @TargetAggregateIdentifier String businessId,
        String actorRef,
        String accountRef,
        BusinessRole role) {
}
