package org.identityledger.command.staff;

import org.identityledger.command.common.DomainException;

/** The last admin grant cannot be revoked. */
public class LastAdminException extends DomainException {

    public LastAdminException() {
        super("LAST_ADMIN", "The platform needs at least one admin.");
    }
}
