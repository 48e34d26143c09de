package org.identityledger.command.common;

import org.identityledger.command.common.DomainException;

/** The caller is who they say, but their role does not allow this (403 FORBIDDEN). */
public class NotAllowedException extends DomainException {

    public NotAllowedException() {
        super("FORBIDDEN", "You are not allowed to do this.");
    }
}
