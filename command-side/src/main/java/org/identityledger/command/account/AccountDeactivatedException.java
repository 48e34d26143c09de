package org.identityledger.command.account;

import org.identityledger.command.common.DomainException;

public class AccountDeactivatedException extends DomainException {

    public AccountDeactivatedException() {
        super("ACCOUNT_DEACTIVATED", "This account has been deactivated.");
    }
}
