package org.identityledger.command.port;

/**
 * Work a request hands off so that neither its answer nor its timing depends on it (a resend or a
 * reset request must not tell whether the address has an account).
 */
public interface BackgroundWork {

    /** @throws MailBackloggedException when the bounded queue is full, so nothing answered 202 is lost */
    void submit(Runnable work);
}
