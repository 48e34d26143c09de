package org.identityledger.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.command.common.Secrets;
import org.identityledger.web.security.CookieSettings;
import org.identityledger.web.security.CsrfInterceptor;
import org.identityledger.web.security.Requests;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hands browsers their CSRF token; a browser that already has one keeps it. */
@RestController
class CsrfController {

    private static final int TOKEN_LENGTH = 43;

    private final Secrets secrets;
    private final CookieSettings cookies;

    CsrfController(Secrets secrets, CookieSettings cookies) {
        this.secrets = secrets;
        this.cookies = cookies;
    }

    @GetMapping("/v1/auth/csrf")
    ResponseEntity<CsrfAnswer> csrf(HttpServletRequest request) {
        String token = Requests.cookie(request, cookies.csrfCookieName())
                .filter(existing -> existing.length() == TOKEN_LENGTH)
                .orElseGet(() -> secrets.issue().raw());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, cookies.csrfCookie(token).toString())
                .body(new CsrfAnswer(token, CsrfInterceptor.HEADER_NAME));
    }
}
