package org.identityledger.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase the account's personal data (self-service after a password check, or by an admin with a reason). */
public record EraseAccountCommand(
        @TargetAggregateIdentifier String accountRef,
        String reason,
        String actorRef) {
}
