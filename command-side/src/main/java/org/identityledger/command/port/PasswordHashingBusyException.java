package org.identityledger.command.port;

/**
 * Every hash slot stayed busy for the whole permitted wait: the request is shed (503 with
 * Retry-After) rather than queued, so a login flood cannot hold every request thread.
 */
public class PasswordHashingBusyException extends RuntimeException {

    public PasswordHashingBusyException() {
        super("Too many sign-ins are being checked right now; try again shortly.");
    }
}
