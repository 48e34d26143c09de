package org.identityledger.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mail a one-time password reset link. */
public record RequestPasswordResetCommand(
        @TargetAggregateIdentifier String accountRef,
        LinkTarget linkTarget) {
}
