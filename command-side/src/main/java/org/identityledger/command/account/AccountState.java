package org.identityledger.command.account;

import java.util.Locale;

/** pending_verification → active ⇄ suspended → deactivated (deactivation is final). */
public enum AccountState {
    PENDING_VERIFICATION,
    ACTIVE,
    SUSPENDED,
    DEACTIVATED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccountState fromWireName(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    /**
     * The one sign-in eligibility rule: pending and active accounts may hold sessions (the contract
     * lets a person sign in before verifying), suspended and deactivated ones may not.
     */
    public void requireMaySignIn() {
        switch (this) {
            case SUSPENDED -> throw new AccountSuspendedException();
            case DEACTIVATED -> throw new AccountDeactivatedException();
            default -> {
                // pending_verification and active may sign in
            }
        }
    }
}
