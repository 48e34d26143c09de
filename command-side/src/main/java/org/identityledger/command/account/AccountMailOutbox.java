package org.identityledger.command.account;

/**
 * Queues an account email in the same transaction as the events that issued its token, so either
 * both happen or neither does.
 */
public interface AccountMailOutbox {

    void enqueue(AccountMail mail);

    /** Erasure: mail not yet delivered to this address is dropped with the rest of its personal data. */
    void discardMailTo(String email);
}
