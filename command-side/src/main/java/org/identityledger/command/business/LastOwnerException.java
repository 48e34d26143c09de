package org.identityledger.command.business;

import org.identityledger.command.common.DomainException;

/** The last owner cannot be demoted, removed or leave. */
public class LastOwnerException extends DomainException {

    public LastOwnerException() {
        super("LAST_OWNER", "A business needs at least one owner.");
    }
}
