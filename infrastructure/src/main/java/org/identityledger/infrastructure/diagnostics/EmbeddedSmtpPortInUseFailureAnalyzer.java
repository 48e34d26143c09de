package org.identityledger.infrastructure.diagnostics;

import org.identityledger.infrastructure.mail.EmbeddedSmtpPortInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The same clean report as Tomcat's "Port 8080 was already in use", for the SMTP catcher's port. */
class EmbeddedSmtpPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedSmtpPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedSmtpPortInUseException cause) {
        return new FailureAnalysis(cause.getMessage(), "Stop the process listening on port " + cause.port()
                + ", or leave identity.mail.embedded-smtp.port unset (0: a free port).", cause);
    }
}
