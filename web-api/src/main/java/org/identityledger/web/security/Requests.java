package org.identityledger.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.Optional;

/** Small readers of request credentials and routes shared by the filters, interceptors and resolvers. */
public final class Requests {

    private static final String BEARER_PREFIX = "Bearer ";
    private static final String NATIVE_ROUTES = "/v1/auth/native/";

    private Requests() {
    }

    public static boolean isBearer(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length());
    }

    /** The token of an {@code Authorization: Bearer} header, if there is one. */
    public static Optional<String> bearerToken(HttpServletRequest request) {
        return isBearer(request)
                ? Optional.of(request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER_PREFIX.length()).strip())
                : Optional.empty();
    }

    /**
     * Whether this API reads a body for the request's method: POST and DELETE (erasing one's
     * account carries the password), PUT and PATCH for the future; such bodies are bounded in size
     * and time. Every GET, HEAD and OPTIONS route takes none, so a body sent with one is never read
     * and never waited for.
     */
    public static boolean readsBody(HttpServletRequest request) {
        String method = request.getMethod();
        return "POST".equals(method) || "DELETE".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    /**
     * For an answer given without reading the request's body: the connection will be closed after it
     * (UnreadBodyValve), so the answer says so, or a keep-alive client sends its next request into the
     * closing socket and gets no answer at all.
     */
    public static void closeIfBodyLeftUnread(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        if ((request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) && !response.isCommitted()) {
            response.setHeader("Connection", "close");
        }
    }

    public static boolean isNativeRoute(HttpServletRequest request) {
        return routedPath(request).startsWith(NATIVE_ROUTES);
    }

    /** True when the request was routed (or will be routed) to a handler under this path prefix. */
    public static boolean isRoutedUnder(HttpServletRequest request, String prefix) {
        return routedPath(request).startsWith(prefix);
    }

    /**
     * The path the router decides on, never the raw URI: after routing, the pattern of the matched
     * handler (e.g. "/v1/auth/sessions/{session_id}"); before routing (in a filter), the path as the
     * router will see it, with ";" parameters dropped and each segment percent-decoded. A raw
     * "/v1;/auth/native/x" is thus "/v1/auth/native/x" here, exactly as it is to the router.
     */
    public static String routedPath(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern instanceof String matched) {
            return matched;
        }
        try {
            RequestPath path = ServletRequestPathUtils.hasParsedRequestPath(request)
                    ? ServletRequestPathUtils.getParsedRequestPath(request)
                    : RequestPath.parse(request.getRequestURI(), request.getContextPath());
            StringBuilder decoded = new StringBuilder();
            for (PathContainer.Element element : path.pathWithinApplication().elements()) {
                decoded.append(element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : element.value());
            }
            return decoded.toString();
        } catch (IllegalArgumentException malformed) {
            return request.getRequestURI();
        }
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

    /** A short, human label for the session list, from the User-Agent; never trusted for anything. */
    public static String deviceNameOf(HttpServletRequest request) {
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String printable = userAgent.replaceAll("\\p{Cntrl}", "").strip();
        return printable.length() > 120 ? printable.substring(0, 120) : printable;
    }
}
