package org.identityledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.identityledger.web.security.CookieSettings;
import org.identityledger.web.security.CsrfTokens;
import org.identityledger.web.security.Requests;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import java.util.List;

/** What a page with session forms needs: the CSRF token for its forms, and cookies on its answer. */
@Component
class PageForms {

    private final CsrfTokens csrfTokens;
    private final CookieSettings cookies;

    PageForms(CsrfTokens csrfTokens, CookieSettings cookies) {
        this.csrfTokens = csrfTokens;
        this.cookies = cookies;
    }

    /**
     * The browser's CSRF token for this page's forms; a browser without one gets a new one, set as
     * the same cookie the API's GET /v1/auth/csrf sets (double submit: the form field must equal it).
     */
    String csrfToken(HttpServletRequest request, HttpServletResponse response) {
        String token = csrfTokens.currentOrNew(request);
        if (!Requests.cookie(request, cookies.csrfCookieName()).filter(token::equals).isPresent()) {
            response.addHeader(HttpHeaders.SET_COOKIE, csrfTokens.cookie(token).toString());
        }
        return token;
    }

    /** A form's field problems, answered like every invalid input (400 VALIDATION_FAILED, on a page). */
    static void refuseInvalid(org.springframework.validation.BindingResult problems) {
        if (problems.hasErrors()) {
            throw new org.identityledger.web.problem.ValidationFailedException(
                    org.identityledger.web.validation.FieldProblems.of(problems));
        }
    }

    static void setCookies(HttpServletResponse response, List<ResponseCookie> cookies) {
        cookies.forEach(cookie -> response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString()));
    }
}
