package org.identityledger.web.pages;

import org.identityledger.infrastructure.config.PublicLinks;

/** Where the business pages live: one sign-in page for every business, one team page per business. */
final class BusinessPages {

    static final String SIGN_IN = "/business/login";
    static final String SIGN_OUT = "/business/logout";

    private BusinessPages() {
    }

    static String signInPath(String handle) {
        return handle == null || handle.isBlank() ? SIGN_IN : SIGN_IN + "?handle=" + PublicLinks.encode(handle);
    }

    /** Handles are [a-z0-9-] only (the aggregate's rule), so they need no escaping in a path. */
    static String teamPath(String handle) {
        return "/business/" + handle + "/";
    }
}
