package org.identityledger.command.session;

/**
 * Decides, inside the session start's transaction, whether the session may start: the account may
 * sign in and the credential checked before the transaction is still the current one.
 */
public interface SessionStartGuard {

    void confirm(String accountRef, long credentialVersion);
}
