package org.identityledger.command.account;

import org.identityledger.command.common.DomainException;

public class EmailAlreadyRegisteredException extends DomainException {

    public EmailAlreadyRegisteredException() {
        super("EMAIL_ALREADY_REGISTERED", "This email address is already registered.");
    }
}
