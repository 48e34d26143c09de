package org.identityledger.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Redeem a verification token, identified by its hash. */
public record VerifyEmailCommand(
        @TargetAggregateIdentifier String accountRef,
        String tokenHash) {
}
