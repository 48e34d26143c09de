package org.identityledger.command.account;

import org.identityledger.events.account.AccountState;

/**
 * What sign-in needs to know about an account: its current password hash, the version of that
 * credential (the session start is bound to it) and the account's state.
 */
public record AccountCredential(String accountRef, String passwordHash, long credentialVersion, AccountState state) {

    @Override
    public String toString() {
        return "AccountCredential[accountRef=" + accountRef + ", credentialVersion=" + credentialVersion
                + ", state=" + state + "]";
    }
}
