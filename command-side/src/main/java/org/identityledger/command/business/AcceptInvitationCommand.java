package org.identityledger.command.business;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Join the team with an invitation's token; {@code accountEmail} is the accepting account's verified address. */
public record AcceptInvitationCommand(
        @TargetAggregateIdentifier String businessId,
        String tokenHash,
        String accountRef,
        String accountEmail) {
}
