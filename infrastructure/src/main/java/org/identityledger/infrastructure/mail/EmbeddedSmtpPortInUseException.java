package org.identityledger.infrastructure.mail;

/** The configured port of the embedded SMTP catcher is taken by another process. */
public class EmbeddedSmtpPortInUseException extends RuntimeException {

    private final int port;

    EmbeddedSmtpPortInUseException(int port) {
        super("Embedded SMTP catcher failed to start. Port " + port + " was already in use.");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
