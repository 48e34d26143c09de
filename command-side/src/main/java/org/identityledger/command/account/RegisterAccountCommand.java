package org.identityledger.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sign a person up. The password arrives already hashed: Argon2id runs before the transaction. */
public record RegisterAccountCommand(
        @TargetAggregateIdentifier String accountRef,
        String email,
        String displayName,
        String passwordHash,
        LinkTarget linkTarget) {

    @Override
    public String toString() {
        return "RegisterAccountCommand[accountRef=" + accountRef + "]";
    }
}
