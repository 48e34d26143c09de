package org.identityledger.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.command.session.SessionScope;
import org.identityledger.command.session.SignInService;
import org.identityledger.command.session.SignOutService;
import org.identityledger.command.session.SignedInSession;
import org.identityledger.events.session.SessionContext;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A browser's password sign-in and sign-out, written once for the login API and the sign-in pages:
 * the abuse controls around the password check, then the cookies — the device cookie (once per
 * browser and address), the session cookie of the chosen context with its own path, and a new CSRF
 * token, so one planted or read before sign-in is dead now.
 */
@Component
public class BrowserSignIn {

    /** The new session, the cookies to set, and the CSRF token they carry (for the answer's header). */
    public record SignedIn(SignedInSession session, List<ResponseCookie> cookies, String csrfToken) {
    }

    private final SignInService signInService;
    private final SignOutService signOutService;
    private final SessionResolver sessionResolver;
    private final AbuseGuard abuseGuard;
    private final CookieSettings cookieSettings;
    private final CsrfTokens csrfTokens;
    private final Clock clock;

    public BrowserSignIn(SignInService signInService, SignOutService signOutService, SessionResolver sessionResolver,
                         AbuseGuard abuseGuard, CookieSettings cookieSettings, CsrfTokens csrfTokens, Clock clock) {
        this.signInService = signInService;
        this.signOutService = signOutService;
        this.sessionResolver = sessionResolver;
        this.abuseGuard = abuseGuard;
        this.cookieSettings = cookieSettings;
        this.csrfTokens = csrfTokens;
        this.clock = clock;
    }

    public SignedIn signIn(HttpServletRequest request, String email, String password, SessionScope scope) {
        SignedInSession session = abuseGuard.login(request, email, null,
                () -> signInService.signInWithPassword(email, password, Requests.deviceNameOf(request), scope));
        List<ResponseCookie> cookies = new ArrayList<>();
        abuseGuard.deviceCookieAfterLogin(request, email).ifPresent(cookies::add);
        Duration lifetime = Duration.between(clock.instant(), session.expiresAt());
        cookies.add(cookieSettings.sessionCookie(scope.context(), session.secret(), lifetime));
        String csrfToken = csrfTokens.fresh();
        cookies.add(csrfTokens.cookie(csrfToken));
        return new SignedIn(session, cookies, csrfToken);
    }

    /**
     * Ends the caller's session on this route, if it has one, and answers the cookie that clears the
     * context's session cookie. Idempotent: signing out twice, or without a session, is fine.
     */
    public ResponseCookie signOut(HttpServletRequest request, SessionContext context) {
        sessionResolver.resolve(request).ifPresent(session -> signOutService.signOut(session.sessionId()));
        return cookieSettings.clearedSessionCookie(context);
    }
}
