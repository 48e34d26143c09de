package org.identityledger.command.account;

import org.identityledger.command.common.DomainException;

public class TokenInvalidException extends DomainException {

    public TokenInvalidException() {
        super("TOKEN_INVALID", "This link is not valid.");
    }
}
