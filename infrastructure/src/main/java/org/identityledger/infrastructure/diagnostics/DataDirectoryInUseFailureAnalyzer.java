package org.identityledger.infrastructure.diagnostics;

import org.identityledger.infrastructure.database.DataDirectoryInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's clean start-up failure report (as for a port in use), instead of a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the instance with process id " + cause.holder() + ", or start this one with"
                        + " --identity.data-dir=<another directory>.", cause);
    }
}
