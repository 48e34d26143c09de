package org.identityledger.web.problem;

import java.util.List;

/** A request whose fields are missing or malformed; answered 400 VALIDATION_FAILED. */
public class ValidationFailedException extends RuntimeException {

    private final List<FieldProblem> problems;

    public ValidationFailedException(List<FieldProblem> problems) {
        super("The request has invalid fields.", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
