package org.identityledger.command.staff;

import org.identityledger.command.common.DomainException;

/** The account does not hold that staff role. */
public class StaffGrantNotFoundException extends DomainException {

    public StaffGrantNotFoundException() {
        super("NOT_FOUND", "No such staff grant.");
    }
}
