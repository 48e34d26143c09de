package org.identityledger.events.account;

import java.util.Locale;

/**
 * The account state machine, written once: pending_verification → active ⇄ suspended → deactivated
 * (deactivation is final). The aggregate, the command-side lookups and the read models all derive a
 * state from the events through these functions, so no second copy of a transition exists in SQL.
 */
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

    /** Verifying the email activates a pending account and changes nothing else (a suspension stays). */
    public AccountState afterEmailVerified() {
        return this == PENDING_VERIFICATION ? ACTIVE : this;
    }

    /** Reinstatement returns to where the email proof puts the account. */
    public static AccountState afterReinstated(boolean emailVerified) {
        return emailVerified ? ACTIVE : PENDING_VERIFICATION;
    }

    /** Pending and active accounts may hold sessions (the contract lets a person sign in before verifying). */
    public boolean maySignIn() {
        return this == PENDING_VERIFICATION || this == ACTIVE;
    }
}
