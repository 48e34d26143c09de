package org.identityledger.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mail a fresh verification link; earlier links stay valid until they expire. */
public record ResendVerificationEmailCommand(
        @TargetAggregateIdentifier String accountRef,
        LinkTarget linkTarget) {
}
