package org.identityledger.web.pages;

import org.identityledger.command.navigation.NextPath;
import org.springframework.web.bind.annotation.BindParam;

/** What every mailed token link and its forms carry: the token, where to go next, and the app handoff. */
record TokenLink(String token, String next, @BindParam("return_target") String returnTarget) {

    String nextPath() {
        return NextPath.sanitize(next);
    }

    boolean ios() {
        return PageHtml.IOS.equals(returnTarget);
    }
}
