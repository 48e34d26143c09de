package org.identityledger.infrastructure.config;

import java.util.List;

/** Settings the service refuses to start with, one line each. */
public class InvalidSettingsException extends RuntimeException {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
