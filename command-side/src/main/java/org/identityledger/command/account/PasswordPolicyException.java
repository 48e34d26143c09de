package org.identityledger.command.account;

import org.identityledger.command.common.DomainException;

/** The chosen password was refused; {@link #reason()} says which rule. */
public class PasswordPolicyException extends DomainException {

    private final PasswordPolicy.Violation reason;

    public PasswordPolicyException(PasswordPolicy.Violation reason) {
        super("PASSWORD_POLICY", reason.message());
        this.reason = reason;
    }

    public PasswordPolicy.Violation reason() {
        return reason;
    }
}
