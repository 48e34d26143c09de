package org.identityledger.command.common;

/**
 * A rule of the domain refused the request. Each subclass carries the contract's stable error code,
 * so the HTTP layer maps it once, in one place.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
