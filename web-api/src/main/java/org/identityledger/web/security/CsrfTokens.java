package org.identityledger.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.command.common.Secrets;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/** The one place CSRF tokens are made: 256-bit random values, held by the browser in an HttpOnly cookie. */
@Component
public class CsrfTokens {

    private static final int TOKEN_LENGTH = 43;

    private final Secrets secrets;
    private final CookieSettings cookies;

    public CsrfTokens(Secrets secrets, CookieSettings cookies) {
        this.secrets = secrets;
        this.cookies = cookies;
    }

    /** The browser's current token if it holds a well-formed one, else a new one. */
    public String currentOrNew(HttpServletRequest request) {
        return Requests.cookie(request, cookies.csrfCookieName())
                .filter(existing -> existing.length() == TOKEN_LENGTH)
                .orElseGet(this::fresh);
    }

    /** A new token, unrelated to any the browser held before. */
    public String fresh() {
        return secrets.issue().raw();
    }

    public ResponseCookie cookie(String token) {
        return cookies.csrfCookie(token);
    }
}
