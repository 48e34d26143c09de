package org.identityledger.web.security;

import org.identityledger.infrastructure.config.IdentityProperties;
import org.identityledger.infrastructure.config.PublicLinks;
import org.identityledger.events.session.SessionContext;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Cookie names and flags. With Secure, the names carry the {@code __Host-} prefix, which the browser
 * only accepts from this exact host over https with Path=/ — no subdomain can plant or overwrite them.
 */
@Component
public class CookieSettings {

    private final boolean secure;

    public CookieSettings(IdentityProperties properties, PublicLinks links) {
        Boolean configured = properties.getSession().getCookie().getSecure();
        this.secure = configured != null ? configured : links.isHttps();
    }

    public String sessionCookieName() {
        return sessionCookieName(SessionContext.CUSTOMER);
    }

    /**
     * The contract's names: the customer cookie is host-only with Path=/ ({@code __Host-}); the
     * business and staff cookies are scoped to their pages' paths, which {@code __Host-} forbids,
     * so they carry {@code __Secure-} (still https-only, and a plain-http origin cannot set them).
     */
    public String sessionCookieName(SessionContext context) {
        return switch (context) {
            case CUSTOMER -> secure ? "__Host-ledger_session" : "ledger_session";
            case BUSINESS -> secure ? "__Secure-ledger_business_session" : "ledger_business_session";
            case STAFF -> secure ? "__Secure-ledger_staff_session" : "ledger_staff_session";
        };
    }

    /** Where a context's cookie is sent: everywhere for customers, only their own pages for business and staff. */
    public static String sessionCookiePath(SessionContext context) {
        return switch (context) {
            case CUSTOMER -> "/";
            case BUSINESS -> "/business";
            case STAFF -> "/admin";
        };
    }

    public String csrfCookieName() {
        return secure ? "__Host-ledger_csrf" : "ledger_csrf";
    }

    public String deviceCookieName() {
        return secure ? "__Host-ledger_device" : "ledger_device";
    }

    public ResponseCookie deviceCookie(String value, Duration maxAge) {
        return cookie(deviceCookieName(), value, maxAge);
    }

    public ResponseCookie sessionCookie(String value, Duration maxAge) {
        return sessionCookie(SessionContext.CUSTOMER, value, maxAge);
    }

    public ResponseCookie sessionCookie(SessionContext context, String value, Duration maxAge) {
        return cookie(sessionCookieName(context), value, maxAge, sessionCookiePath(context));
    }

    public ResponseCookie clearedSessionCookie() {
        return clearedSessionCookie(SessionContext.CUSTOMER);
    }

    public ResponseCookie clearedSessionCookie(SessionContext context) {
        return cookie(sessionCookieName(context), "", Duration.ZERO, sessionCookiePath(context));
    }

    public ResponseCookie csrfCookie(String value) {
        return cookie(csrfCookieName(), value, Duration.ofHours(12));
    }

    private ResponseCookie cookie(String name, String value, Duration maxAge) {
        return cookie(name, value, maxAge, "/");
    }

    private ResponseCookie cookie(String name, String value, Duration maxAge, String path) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .path(path)
                .maxAge(maxAge)
                .build();
    }
}
