package org.identityledger.command.account;

import org.identityledger.command.common.DomainException;

public class TokenAlreadyUsedException extends DomainException {

    public TokenAlreadyUsedException() {
        super("TOKEN_ALREADY_USED", "This link has already been used.");
    }
}
