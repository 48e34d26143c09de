package org.identityledger.web.auth;

import org.identityledger.web.validation.RequestValues;
import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.command.session.SignInService;
import org.identityledger.command.session.SignOutService;
import org.identityledger.command.session.SignedInSession;
import org.identityledger.query.account.AccountSummary;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.security.AbuseGuard;
import org.identityledger.web.problem.FieldProblem;
import org.identityledger.web.problem.ValidationFailedException;
import org.identityledger.web.security.CookieSettings;
import org.identityledger.web.security.CsrfInterceptor;
import org.identityledger.web.security.CsrfTokens;
import org.identityledger.web.security.Requests;
import org.identityledger.web.security.SessionResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Browser sign-in, sign-out and "who am I". */
@RestController
class SessionController {

    private final SignInService signInService;
    private final SignOutService signOutService;
    private final SessionResolver sessionResolver;
    private final Accounts accounts;
    private final CookieSettings cookies;
    private final Clock clock;
    private final AbuseGuard abuseGuard;
    private final CsrfTokens csrfTokens;

    SessionController(SignInService signInService, SignOutService signOutService, SessionResolver sessionResolver,
                      Accounts accounts, CookieSettings cookies, Clock clock, AbuseGuard abuseGuard,
                      CsrfTokens csrfTokens) {
        this.abuseGuard = abuseGuard;
        this.csrfTokens = csrfTokens;
        this.signInService = signInService;
        this.signOutService = signOutService;
        this.sessionResolver = sessionResolver;
        this.accounts = accounts;
        this.cookies = cookies;
        this.clock = clock;
    }

    @PostMapping(path = "/v1/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LoginAnswer> login(@Valid @RequestBody LoginBody body, HttpServletRequest request) {
        refuseBearerToken(request);
        String email = RequestValues.mailAddress(body.email());
        String password = body.password();
        SignedInSession session = abuseGuard.login(request, email, null,
                () -> signInService.signInWithPassword(email, password, deviceNameOf(request), body.scope()));
        AccountSummary account = accounts.find(session.accountRef());
        Duration cookieLifetime = Duration.between(clock.instant(), session.expiresAt());
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        abuseGuard.deviceCookieAfterLogin(request, email)
                .ifPresent(device -> answer.header(HttpHeaders.SET_COOKIE, device.toString()));
        // A new CSRF token with the new session: one planted or read before sign-in is dead now.
        String csrfToken = csrfTokens.fresh();
        return answer
                .header(HttpHeaders.SET_COOKIE, cookies.sessionCookie(session.scope().context(), session.secret(), cookieLifetime).toString())
                .header(HttpHeaders.SET_COOKIE, csrfTokens.cookie(csrfToken).toString())
                .header(CsrfInterceptor.HEADER_NAME, csrfToken)
                .body(new LoginAnswer(account.accountRef(), account.state(), account.emailVerified(),
                        new SessionBody(session.sessionId(), "browser", session.expiresAt(), session.scope().context().wireName(),
                                session.scope().businessId())));
    }

    @PostMapping("/v1/auth/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        sessionResolver.resolve(request).ifPresent(session -> signOutService.signOut(session.sessionId()));
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookies.clearedSessionCookie().toString())
                .build();
    }

    @GetMapping("/v1/auth/me")
    ResponseEntity<MeAnswer> me(HttpServletRequest request) {
        LiveSession session = sessionResolver.require(request);
        AccountSummary account = accounts.find(session.accountRef());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new MeAnswer(account.accountRef(), account.email(), account.displayName(), account.state(),
                        account.emailVerified(), account.capabilities(), account.memberships(), account.staffRoles(),
                        session.context().wireName(),
                        session.businessId(), SessionBody.of(session)));
    }

    /**
     * A browser sign-in sets cookies, so it must be a plain browser request: with a bearer token it
     * would be two clients at once, and a bearer credential must never be the reason a
     * cookie-setting request skipped a browser check. Native apps sign in at /v1/auth/native/login.
     * Other schemes (Basic from a staging proxy, say) mean nothing to this service and pass.
     */
    private static void refuseBearerToken(HttpServletRequest request) {
        if (Requests.isBearer(request)) {
            throw new ValidationFailedException(List.of(new FieldProblem(HttpHeaders.AUTHORIZATION, "NOT_ALLOWED",
                    "A browser sign-in carries no bearer token; apps sign in at /v1/auth/native/login.")));
        }
    }

    /** A short, human label for the session list, from the User-Agent; never trusted for anything. */
    private static String deviceNameOf(HttpServletRequest request) {
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String printable = userAgent.replaceAll("\\p{Cntrl}", "").strip();
        return printable.length() > 120 ? printable.substring(0, 120) : printable;
    }
}
