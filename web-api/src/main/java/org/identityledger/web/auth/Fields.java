package org.identityledger.web.auth;

import org.identityledger.command.account.EmailAddress;
import org.identityledger.web.problem.FieldProblem;
import org.identityledger.web.problem.ValidationFailedException;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems of one request and throws them together. */
final class Fields {

    private final List<FieldProblem> problems = new ArrayList<>();

    String requiredEmail(String field, String value) {
        if (isMissing(value)) {
            return missing(field);
        }
        if (value.length() > EmailAddress.MAX_LENGTH) {
            problems.add(new FieldProblem(field, "TOO_LONG", "At most " + EmailAddress.MAX_LENGTH + " characters."));
            return null;
        }
        // From here on only the address the mail will really be sent to is used, never the raw input.
        return EmailAddress.mailAddress(value.strip()).orElseGet(() -> {
            problems.add(new FieldProblem(field, "INVALID_EMAIL", "This is not an email address."));
            return null;
        });
    }

    String requiredSecret(String field, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return missing(field);
        }
        if (value.length() > maxLength) {
            problems.add(new FieldProblem(field, "TOO_LONG", "At most " + maxLength + " characters."));
            return null;
        }
        return value;
    }

    String optionalSecret(String field, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            problems.add(new FieldProblem(field, "TOO_LONG", "At most " + maxLength + " characters."));
            return null;
        }
        return value;
    }

    String optionalText(String field, String value, int maxCodePoints) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > maxCodePoints) {
            problems.add(new FieldProblem(field, "TOO_LONG", "At most " + maxCodePoints + " characters."));
            return null;
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            problems.add(new FieldProblem(field, "INVALID_CHARACTERS", "Control characters are not allowed."));
            return null;
        }
        return stripped;
    }

    String optionalReturnTarget(String field, String value) {
        if (value == null || value.isEmpty() || "web".equals(value)) {
            return null;
        }
        if (!"ios".equals(value)) {
            problems.add(new FieldProblem(field, "INVALID_VALUE", "Either \"ios\" or \"web\"."));
            return null;
        }
        return value;
    }

    /** A whole number within [min, max] given as a query parameter; {@code fallback} when absent. */
    int optionalInteger(String field, String value, int min, int max, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = value.length() > 10 ? Integer.MIN_VALUE : Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.add(new FieldProblem(field, "OUT_OF_RANGE", "A whole number from " + min + " to " + max + "."));
        return fallback;
    }

    void invalid(String field, String message) {
        problems.add(new FieldProblem(field, "INVALID_VALUE", message));
    }

    void validate() {
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
    }

    private String missing(String field) {
        problems.add(new FieldProblem(field, "REQUIRED", "This field is required."));
        return null;
    }

    private static boolean isMissing(String value) {
        return value == null || value.isBlank();
    }
}
