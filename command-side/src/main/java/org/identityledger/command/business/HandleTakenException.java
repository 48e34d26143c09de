package org.identityledger.command.business;

import org.identityledger.command.common.DomainException;

/** Two businesses cannot share a handle (compared case-insensitively). */
public class HandleTakenException extends DomainException {

    public HandleTakenException() {
        super("HANDLE_TAKEN", "Another business already uses this handle.");
    }
}
