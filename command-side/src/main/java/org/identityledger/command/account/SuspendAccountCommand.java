package org.identityledger.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SuspendAccountCommand(
        @TargetAggregateIdentifier String accountRef,
        String reason,
        String actorRef) {
}
