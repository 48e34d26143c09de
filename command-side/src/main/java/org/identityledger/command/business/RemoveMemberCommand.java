package org.identityledger.command.business;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a member off the team; a member removing themselves leaves. */
public record RemoveMemberCommand(
        @TargetAggregateIdentifier String businessId,
        String actorRef,
        String accountRef) {
}
