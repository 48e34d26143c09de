package org.identityledger.command.business;

import org.identityledger.command.common.DomainException;

/** A suspended business's team is frozen until staff reinstate it. */
public class BusinessSuspendedException extends DomainException {

    public BusinessSuspendedException() {
        super("BUSINESS_SUSPENDED", "This business is suspended.");
    }
}
