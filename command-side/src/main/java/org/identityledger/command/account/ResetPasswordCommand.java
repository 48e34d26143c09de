package org.identityledger.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Redeem a reset token (by hash) for a new password, already hashed outside the transaction. */
public record ResetPasswordCommand(
        @TargetAggregateIdentifier String accountRef,
        String tokenHash,
        String newPasswordHash) {

    @Override
    public String toString() {
        return "ResetPasswordCommand[accountRef=" + accountRef + "]";
    }
}
