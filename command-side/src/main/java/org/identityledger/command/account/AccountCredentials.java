package org.identityledger.command.account;

import java.time.Instant;

/**
 * Where an account's password hash lives: outside the ledger, written by the command handler in the
 * command's own transaction. Every replacement bumps the credential version that sessions bind to.
 */
public interface AccountCredentials {

    void store(String accountRef, String passwordHash, Instant at);

    void replace(String accountRef, String passwordHash, Instant at);

    /** Erasure: the hash is deleted, not kept for a day that never comes. */
    void erase(String accountRef);
}
