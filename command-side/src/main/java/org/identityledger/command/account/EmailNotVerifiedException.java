package org.identityledger.command.account;

import org.identityledger.command.common.DomainException;

/** The account must prove its email address before it may do this. */
public class EmailNotVerifiedException extends DomainException {

    public EmailNotVerifiedException() {
        super("EMAIL_NOT_VERIFIED", "Verify your email address first.");
    }
}
