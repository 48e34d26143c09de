package org.identityledger.command.business;

import org.identityledger.command.common.DomainException;

/** Unknown or closed invitation. */
public class InvitationNotFoundException extends DomainException {

    public InvitationNotFoundException() {
        super("NOT_FOUND", "No such invitation.");
    }
}
