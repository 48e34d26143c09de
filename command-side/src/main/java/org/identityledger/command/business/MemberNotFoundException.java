package org.identityledger.command.business;

import org.identityledger.command.common.DomainException;

/** The account is not on this business's team. */
public class MemberNotFoundException extends DomainException {

    public MemberNotFoundException() {
        super("NOT_FOUND", "No such member.");
    }
}
