package org.identityledger.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.identityledger.command.port.AccessTokens;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Double-submit CSRF protection for browser writes under /v1/: the X-CSRF-Token header must equal
 * the HttpOnly CSRF cookie issued by GET /v1/auth/csrf (and renewed at sign-in). A cross-site page
 * can make the browser send the cookie but can neither read it nor set the header. Signup and
 * login are covered too (login CSRF would sign a victim into the attacker's account).
 *
 * <p>It decides on the route the request was dispatched to, never on the raw URI, so no spelling
 * of a path that reaches a handler can skip it (CanonicalPathFilter also refuses such spellings
 * before routing). It runs as a handler interceptor on every route, after routing, so an unknown
 * route is still a 404 and a wrong method still a 405.
 *
 * <p>The pages that act with a browser session (the business and staff pages, their sign-in and
 * sign-out forms, and accepting an invitation) are covered the same way; a plain HTML form cannot
 * set a header, so there the token may come as the form field {@value #FORM_FIELD}, which the page
 * put into the form from the same cookie. The pages a mailed link lands on (verify email, reset
 * password) act on the one-time token in their form, never on a session, and need none.
 *
 * <p>Exempt: the /v1/auth/native/** routes, which never read cookies, and requests that are
 * actually authenticated with a bearer access token (its signature and claims verify). A mere
 * Authorization header exempts nothing: otherwise any header would switch the check off for a
 * route that still uses or sets cookies.
 *
 * <p>Why not Spring Security's CsrfFilter: it decides before routing (on the raw request) and would
 * bring the whole filter chain for one comparison; the token, cookie and comparison here are the
 * same double-submit scheme, decided on the matched route.
 */
@Component
public class CsrfInterceptor implements HandlerInterceptor {

    public static final String HEADER_NAME = "X-CSRF-Token";
    public static final String FORM_FIELD = "csrf_token";
    /** The one page outside /business and /admin that acts with a session. */
    private static final String ACCEPT_INVITATION_PAGE = "/auth/accept-invitation";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final CookieSettings cookies;
    private final AccessTokens accessTokens;

    public CsrfInterceptor(CookieSettings cookies, AccessTokens accessTokens) {
        this.cookies = cookies;
        this.accessTokens = accessTokens;
    }

    private boolean isExempt(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod())
                || !actsWithBrowserSession(request)
                || Requests.isNativeRoute(request)
                || isBearerAuthenticated(request);
    }

    private static boolean actsWithBrowserSession(HttpServletRequest request) {
        String routedPath = Requests.routedPath(request);
        return Requests.isRoutedUnder(request, "/v1/") || RouteFamily.of(routedPath).isPages()
                || routedPath.equals(ACCEPT_INVITATION_PAGE);
    }

    /** Verification is cached by AccessTokens, so the resolver's later check of the same token is free. */
    private boolean isBearerAuthenticated(HttpServletRequest request) {
        return Requests.bearerToken(request).flatMap(accessTokens::verify).isPresent();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (isExempt(request)) {
            return true;
        }
        Optional<String> expected = Requests.cookie(request, cookies.csrfCookieName());
        String presented = presentedToken(request);
        if (expected.isPresent() && presented != null && constantTimeEquals(expected.get(), presented)) {
            return true;
        }
        // Answered like every other refusal: problem+json on the APIs, an HTML page on the pages.
        throw new CsrfTokenInvalidException();
    }

    /** The header; on a page's form post, the form field (its body is a form the container parses). */
    private static String presentedToken(HttpServletRequest request) {
        String header = request.getHeader(HEADER_NAME);
        if (header != null || Requests.isRoutedUnder(request, "/v1/")) {
            return header;
        }
        String contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? request.getParameter(FORM_FIELD) : null;
    }

    private static boolean constantTimeEquals(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
