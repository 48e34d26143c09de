package org.identityledger.command.account;

import org.identityledger.command.common.DomainException;

public class IllegalAccountTransitionException extends DomainException {

    public IllegalAccountTransitionException() {
        super("ILLEGAL_STATE_TRANSITION", "The account cannot make this transition.");
    }
}
