package org.identityledger.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.identityledger.command.port.AccessTokens;
import org.identityledger.web.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
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
 * <p>Exempt: the /v1/auth/native/** routes, which never read cookies, and requests that are
 * actually authenticated with a bearer access token (its signature and claims verify). A mere
 * Authorization header exempts nothing: otherwise any header would switch the check off for a
 * route that still uses or sets cookies.
 */
@Component
public class CsrfInterceptor implements HandlerInterceptor {

    public static final String HEADER_NAME = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final CookieSettings cookies;
    private final ObjectMapper objectMapper;
    private final AccessTokens accessTokens;

    public CsrfInterceptor(CookieSettings cookies, ObjectMapper objectMapper, AccessTokens accessTokens) {
        this.cookies = cookies;
        this.objectMapper = objectMapper;
        this.accessTokens = accessTokens;
    }

    private boolean isExempt(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod())
                || !Requests.isRoutedUnder(request, "/v1/")
                || Requests.isNativeRoute(request)
                || isBearerAuthenticated(request);
    }

    /** Verification is cached by AccessTokens, so the resolver's later check of the same token is free. */
    private boolean isBearerAuthenticated(HttpServletRequest request) {
        return Requests.bearerToken(request).flatMap(accessTokens::verify).isPresent();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (isExempt(request)) {
            return true;
        }
        Optional<String> expected = Requests.cookie(request, cookies.csrfCookieName());
        String presented = request.getHeader(HEADER_NAME);
        if (expected.isPresent() && presented != null && constantTimeEquals(expected.get(), presented)) {
            return true;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(Problem.MEDIA_TYPE.toString());
        objectMapper.writeValue(response.getOutputStream(), Problem.at(Problem.of(HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID",
                "Browser writes need the " + HEADER_NAME + " header from GET /v1/auth/csrf."), request));
        return false;
    }

    private static boolean constantTimeEquals(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
