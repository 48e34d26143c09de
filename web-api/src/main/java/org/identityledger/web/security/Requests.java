package org.identityledger.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

import java.util.Optional;

/** Small readers of request credentials shared by the filters and resolvers. */
public final class Requests {

    private Requests() {
    }

    public static boolean isBearer(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /**
     * Whether this API reads a body for the request's method: only POST (PUT and PATCH for the
     * future). Every GET, HEAD, DELETE and OPTIONS route takes none, so a body sent with one is
     * never read and never waited for.
     */
    public static boolean readsBody(HttpServletRequest request) {
        String method = request.getMethod();
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    public static boolean isNativeRoute(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/v1/auth/native/");
    }

    public static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
