package org.identityledger.command.account;

import org.identityledger.command.common.DomainException;

public class AccountNotFoundException extends DomainException {

    public AccountNotFoundException() {
        super("ACCOUNT_NOT_FOUND", "No such account.");
    }
}
