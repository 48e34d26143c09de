package org.identityledger.web.auth;

import org.identityledger.web.validation.RequestValues;
import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletRequest;
import org.identityledger.command.session.SignedInSession;
import org.identityledger.query.account.AccountSummary;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.problem.FieldProblem;
import org.identityledger.web.problem.ValidationFailedException;
import org.identityledger.web.security.BrowserSignIn;
import org.identityledger.web.security.CsrfInterceptor;
import org.identityledger.events.session.SessionContext;
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

import java.util.List;

/** Browser sign-in, sign-out and "who am I". */
@RestController
class SessionController {

    private final BrowserSignIn browserSignIn;
    private final SessionResolver sessionResolver;
    private final Accounts accounts;

    SessionController(BrowserSignIn browserSignIn, SessionResolver sessionResolver, Accounts accounts) {
        this.browserSignIn = browserSignIn;
        this.sessionResolver = sessionResolver;
        this.accounts = accounts;
    }

    @PostMapping(path = "/v1/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LoginAnswer> login(@Valid @RequestBody LoginBody body, HttpServletRequest request) {
        refuseBearerToken(request);
        String email = RequestValues.mailAddress(body.email());
        BrowserSignIn.SignedIn signedIn = browserSignIn.signIn(request, email, body.password(), body.scope());
        SignedInSession session = signedIn.session();
        AccountSummary account = accounts.find(session.accountRef());
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(CsrfInterceptor.HEADER_NAME, signedIn.csrfToken());
        signedIn.cookies().forEach(cookie -> answer.header(HttpHeaders.SET_COOKIE, cookie.toString()));
        return answer.body(new LoginAnswer(account.accountRef(), account.state(), account.emailVerified(),
                new SessionBody(session.sessionId(), "browser", session.expiresAt(), session.scope().context().wireName(),
                        session.scope().businessId())));
    }

    @PostMapping("/v1/auth/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, browserSignIn.signOut(request, SessionContext.CUSTOMER).toString())
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
}
