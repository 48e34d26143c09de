package org.identityledger.web.security;

import org.identityledger.command.common.DomainException;

/** No live session: none presented, or it expired, idled out or was revoked. */
public class UnauthenticatedException extends DomainException {

    public UnauthenticatedException() {
        super("UNAUTHENTICATED", "Sign in to continue.");
    }
}
