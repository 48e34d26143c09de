package org.identityledger.command.business;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw an open invitation. */
public record RevokeInvitationCommand(
        @TargetAggregateIdentifier String businessId,
        String actorRef,
        String invitationId) {
}
