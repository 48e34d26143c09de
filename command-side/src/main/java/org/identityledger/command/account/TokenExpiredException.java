package org.identityledger.command.account;

import org.identityledger.command.common.DomainException;

public class TokenExpiredException extends DomainException {

    public TokenExpiredException() {
        super("TOKEN_EXPIRED", "This link has expired.");
    }
}
