package org.identityledger.command.account;

/**
 * Queues a verification email in the same transaction as the events that issued its token, so
 * either both happen or neither does.
 */
public interface VerificationMailOutbox {

    void enqueue(VerificationMail mail);
}
