package org.identityledger.web.security;

import org.identityledger.infrastructure.config.IdentityProperties;
import org.identityledger.infrastructure.config.PublicLinks;
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
        return secure ? "__Host-ledger_session" : "ledger_session";
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
        return cookie(sessionCookieName(), value, maxAge);
    }

    public ResponseCookie clearedSessionCookie() {
        return cookie(sessionCookieName(), "", Duration.ZERO);
    }

    public ResponseCookie csrfCookie(String value) {
        return cookie(csrfCookieName(), value, Duration.ofHours(12));
    }

    private ResponseCookie cookie(String name, String value, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build();
    }
}
