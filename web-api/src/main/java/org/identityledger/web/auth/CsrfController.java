package org.identityledger.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.web.security.CsrfInterceptor;
import org.identityledger.web.security.CsrfTokens;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hands browsers their CSRF token; a browser that already has one keeps it (until it signs in). */
@RestController
class CsrfController {

    private final CsrfTokens csrfTokens;

    CsrfController(CsrfTokens csrfTokens) {
        this.csrfTokens = csrfTokens;
    }

    @GetMapping("/v1/auth/csrf")
    ResponseEntity<CsrfAnswer> csrf(HttpServletRequest request) {
        String token = csrfTokens.currentOrNew(request);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, csrfTokens.cookie(token).toString())
                .body(new CsrfAnswer(token, CsrfInterceptor.HEADER_NAME));
    }
}
