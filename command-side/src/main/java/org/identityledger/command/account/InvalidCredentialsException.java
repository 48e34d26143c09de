package org.identityledger.command.account;

import org.identityledger.command.common.DomainException;

public class InvalidCredentialsException extends DomainException {

    public InvalidCredentialsException() {
        super("INVALID_CREDENTIALS", "The email or password is not correct.");
    }
}
