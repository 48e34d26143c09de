package org.identityledger.web.problem;

import org.identityledger.command.common.DomainException;

/** Nothing the caller may see is at this address; answered 404 NOT_FOUND. */
public class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super("NOT_FOUND", message);
    }
}
