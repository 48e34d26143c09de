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
}
