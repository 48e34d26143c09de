package org.identityledger.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.command.session.SignInService;
import org.identityledger.command.session.SignOutService;
import org.identityledger.command.session.SignedInSession;
import org.identityledger.query.account.AccountSummary;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.security.AbuseGuard;
import org.identityledger.web.security.CookieSettings;
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

    SessionController(SignInService signInService, SignOutService signOutService, SessionResolver sessionResolver,
                      Accounts accounts, CookieSettings cookies, Clock clock, AbuseGuard abuseGuard) {
        this.abuseGuard = abuseGuard;
        this.signInService = signInService;
        this.signOutService = signOutService;
        this.sessionResolver = sessionResolver;
        this.accounts = accounts;
        this.cookies = cookies;
        this.clock = clock;
    }

    @PostMapping(path = "/v1/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LoginAnswer> login(@RequestBody LoginBody body, HttpServletRequest request) {
        Fields fields = new Fields();
        String email = fields.requiredEmail("email", body.email());
        String password = fields.requiredSecret("password", body.password(), SignupController.PASSWORD_FIELD_MAX);
        fields.validate();
        SignedInSession session = abuseGuard.login(request, email,
                () -> signInService.signInWithPassword(email, password, deviceNameOf(request)));
        AccountSummary account = accounts.find(session.accountRef());
        Duration cookieLifetime = Duration.between(clock.instant(), session.expiresAt());
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        abuseGuard.deviceCookieAfterLogin(request, email)
                .ifPresent(device -> answer.header(HttpHeaders.SET_COOKIE, device.toString()));
        return answer
                .header(HttpHeaders.SET_COOKIE, cookies.sessionCookie(session.secret(), cookieLifetime).toString())
                .body(new LoginAnswer(account.accountRef(), account.state(), account.emailVerified(),
                        new SessionBody(session.sessionId(), "browser", session.expiresAt())));
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
                        account.emailVerified(), account.capabilities(), List.of(),
                        new SessionBody(session.sessionId(), session.transport(), session.expiresAt())));
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
