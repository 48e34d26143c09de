package org.identityledger.web.auth;

/** Where a mailed link hands over after the page: the web (default) or the iPhone app. */
final class ReturnTargets {

    static final String PATTERN = "(ios|web)?";
    static final String MESSAGE = "Either \"ios\" or \"web\".";

    private ReturnTargets() {
    }
}
