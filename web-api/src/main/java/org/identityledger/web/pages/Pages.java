package org.identityledger.web.pages;

import org.identityledger.web.problem.ProblemAdvice;

/** How the pages word a refused one-time token; its status comes from the API's one map of codes. */
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
            default -> "This link is not valid";
        };
    }
}
