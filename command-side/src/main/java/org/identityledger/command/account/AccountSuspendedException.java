package org.identityledger.command.account;

import org.identityledger.command.common.DomainException;

public class AccountSuspendedException extends DomainException {

    public AccountSuspendedException() {
        super("ACCOUNT_SUSPENDED", "This account is suspended.");
    }
}
