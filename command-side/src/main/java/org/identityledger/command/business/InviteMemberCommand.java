package org.identityledger.command.business;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.identityledger.events.business.BusinessRole;

/** Invite an email address to the team with a role; answers the IssuedInvitation. */
public record InviteMemberCommand(
        @TargetAggregateIdentifier String businessId,
        String actorRef,
        String email,
        BusinessRole role) {
}
