package org.identityledger.command.account;

/** What sign-in needs to know about an account, from the command-side lookup. */
public record AccountCredential(String accountRef, String passwordHash, AccountState state) {

    @Override
    public String toString() {
        return "AccountCredential[accountRef=" + accountRef + ", state=" + state + "]";
    }
}
