package org.identityledger.web.security;

import org.identityledger.command.common.DomainException;

/** A live session used outside the context it was opened for (a staff session on a customer route, ...). */
public class ContextMismatchException extends DomainException {

    public ContextMismatchException() {
        super("CONTEXT_MISMATCH", "This session was opened for another context; sign in for this one.");
    }
}
