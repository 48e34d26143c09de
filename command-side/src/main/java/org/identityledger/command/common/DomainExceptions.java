package org.identityledger.command.common;

/**
 * Axon may wrap a rule violation raised in a subscribing handler (for example the email uniqueness
 * constraint); callers want the rule, not the wrapper.
 */
public final class DomainExceptions {

    private DomainExceptions() {
    }

    public static RuntimeException unwrap(RuntimeException failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof DomainException domainException) {
                return domainException;
            }
            cause = cause.getCause();
        }
        return failure;
    }
}
