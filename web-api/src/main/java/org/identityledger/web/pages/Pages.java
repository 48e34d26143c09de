package org.identityledger.web.pages;

/** How the pages word and answer a refused one-time token. */
final class Pages {

    private Pages() {
    }

    static int statusOf(String code) {
        return switch (code) {
            case "TOKEN_EXPIRED" -> 410;
            case "TOKEN_ALREADY_USED" -> 409;
            default -> 400;
        };
    }

    static String titleOf(String code) {
        return switch (code) {
            case "TOKEN_EXPIRED" -> "This link has expired";
            case "TOKEN_ALREADY_USED" -> "This link was already used";
            default -> "This link is not valid";
        };
    }
}
