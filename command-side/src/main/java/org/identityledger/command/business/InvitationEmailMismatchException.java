package org.identityledger.command.business;

import org.identityledger.command.common.DomainException;

/** Only the invited address may accept: the accepting account's verified email must equal it. */
public class InvitationEmailMismatchException extends DomainException {

    public InvitationEmailMismatchException() {
        super("INVITATION_EMAIL_MISMATCH", "This invitation was sent to another email address.");
    }
}
