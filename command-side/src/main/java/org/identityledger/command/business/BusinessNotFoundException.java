package org.identityledger.command.business;

import org.identityledger.command.common.DomainException;

/** Unknown business, or one the caller may not see (never reveal which). */
public class BusinessNotFoundException extends DomainException {

    public BusinessNotFoundException() {
        super("NOT_FOUND", "No such business.");
    }
}
