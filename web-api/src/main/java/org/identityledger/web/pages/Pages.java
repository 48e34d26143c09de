package org.identityledger.web.pages;

import org.identityledger.web.problem.ProblemAdvice;

/** How the pages word a refusal; its status comes from the API's one map of codes. */
final class Pages {

    private Pages() {
    }

    static int statusOf(String code) {
        return ProblemAdvice.statusOf(code).value();
    }

    static String titleOf(String code) {
        return switch (code) {
            case "TOKEN_EXPIRED" -> "This link has expired";
            case "TOKEN_ALREADY_USED" -> "This link was already used";
            case "TOKEN_INVALID" -> "This link is not valid";
            case "UNAUTHENTICATED" -> "Please sign in";
            case "CONTEXT_MISMATCH" -> "This page needs a different sign-in";
            case "CSRF_TOKEN_INVALID" -> "This form has expired";
            case "NOT_FOUND" -> "Not found";
            case "LAST_OWNER" -> "A business needs an owner";
            case "INVALID_CREDENTIALS" -> "Wrong email or password";
            case "RATE_LIMITED" -> "Too many attempts";
            case "SERVICE_UNAVAILABLE" -> "Busy right now";
            default -> "That did not work";
        };
    }
}
