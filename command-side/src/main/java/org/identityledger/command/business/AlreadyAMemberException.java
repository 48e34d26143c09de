package org.identityledger.command.business;

import org.identityledger.command.common.DomainException;

/** The accepting account is already on the team. */
public class AlreadyAMemberException extends DomainException {

    public AlreadyAMemberException() {
        super("ALREADY_A_MEMBER", "You are already a member of this business.");
    }
}
