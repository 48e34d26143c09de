package org.identityledger.command.port;

import org.identityledger.command.common.DomainException;

/** No projection has this name. */
public class UnknownProjectionException extends DomainException {

    public UnknownProjectionException() {
        super("NOT_FOUND", "There is no projection by that name.");
    }
}
