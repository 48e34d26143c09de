package org.identityledger.command.session;

/**
 * Decides, inside the session start's transaction, whether the session may start: the account may
 * sign in, the credential checked before the transaction is still the current one, and the account
 * may open the context it asks for.
 */
public interface SessionStartGuard {

    void confirm(String accountRef, long credentialVersion, SessionScope scope);
}
