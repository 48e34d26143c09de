package org.identityledger.infrastructure.diagnostics;

import org.identityledger.infrastructure.config.InvalidSettingsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** One line per refused setting instead of a stack trace. */
class InvalidSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingsException cause) {
        return new FailureAnalysis("Invalid settings:\n  " + String.join("\n  ", cause.problems()),
                "Correct or remove these settings (the README lists every identity.* setting with its default).", cause);
    }
}
