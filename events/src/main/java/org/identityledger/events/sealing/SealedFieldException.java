package org.identityledger.events.sealing;

/** A sealed field that does not open: the stored bytes were altered, moved, or sealed under another key. */
public class SealedFieldException extends RuntimeException {

    public SealedFieldException(String message) {
        super(message);
    }

    public SealedFieldException(String message, Throwable cause) {
        super(message, cause);
    }
}
