package org.identityledger.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReinstateAccountCommand(
        @TargetAggregateIdentifier String accountRef,
        String reason,
        String actorRef) {
}
