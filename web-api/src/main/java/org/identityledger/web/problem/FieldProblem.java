package org.identityledger.web.problem;

/** One field's problem, as the contract's {@code errors: [{field, code, message}]}. */
public record FieldProblem(String field, String code, String message) {
}
